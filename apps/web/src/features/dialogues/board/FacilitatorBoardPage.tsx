import type { Board, BoardCluster, BoardNote } from '@samhandling/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { ErrorSummary, Loading, QueryError, SelectField, TextField } from '../../../components/fields.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { NoteText } from './NoteText.tsx';
import { byPosition, useLiveBoard } from './live.ts';

/**
 * The facilitator's board, for a laptop or a projector: code and QR code to join, prompts and
 * breakout groups, notes live as they come; move, cluster, merge and hide them. Every action
 * has a keyboard path (buttons and selects on each note); dragging is only a shortcut.
 */
export function FacilitatorBoardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { board, connection, error, refresh } = useLiveBoard(id, undefined);
  usePageTitle(board?.title ?? t('board.facilitator.title'));
  if (!board) {
    if (error && (isApiError(error) ? error.status === 404 : (error as { status?: number }).status === 404)) return <NotFoundPage />;
    return (
      <div className="container">
        <h1>{t('board.facilitator.title')}</h1>
        {error ? <QueryError error={error} /> : <Loading />}
      </div>
    );
  }
  return <BoardView board={board} connection={connection} refresh={refresh} />;
}

/** Runs one facilitator act on the board (given its id) and refreshes when the socket is down. */
type Mutate = (call: (boardId: string) => Promise<unknown>) => Promise<void>;

function BoardView({ board, connection, refresh }: { board: Board; connection: ReturnType<typeof useLiveBoard>['connection']; refresh: () => Promise<void> }) {
  const { t } = useTranslation();
  const [groupFilter, setGroupFilter] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const action = useMutation({
    mutationFn: (call: (boardId: string) => Promise<unknown>) => call(board.id),
    onSuccess: () => {
      // The change comes back over the socket; without one, read the board again.
      if (connection !== 'live') void refresh();
    },
  });
  const mutate: Mutate = async (call) => {
    await action.mutateAsync(call);
  };
  const open = board.status === 'open';
  const joinUrl = `${location.origin}/delta/${board.code}`;
  const notes = board.notes.filter((n) => !n.mergedInto && (!groupFilter || n.groupId === groupFilter));
  return (
    <div className="container board-facilitator">
      <p className="breadcrumbs">
        <Link to={`/events/${board.eventId}/boards`}>{t('board.facilitator.allBoards')}</Link>
      </p>
      <h1>{board.title}</h1>
      <ConnectionStatus connection={connection} queued={0} />
      <section className="board-join" aria-labelledby="join-heading">
        <h2 id="join-heading">{t('board.facilitator.joinHeading')}</h2>
        <div className="board-join__body">
          <img className="board-join__qr" src={`/api/boards/${board.id}/qr.svg`} alt={t('board.facilitator.qrAlt', { code: board.code })} width={160} height={160} />
          <div>
            <p>
              {t('board.facilitator.code')} <strong className="board-code" data-testid="board-code">{board.code}</strong>
            </p>
            <p>
              {t('board.facilitator.joinAt')} <a href={joinUrl}>{joinUrl}</a>
            </p>
            <p data-testid="participant-count">{t('board.facilitator.participants', { count: board.participants })}</p>
          </div>
        </div>
      </section>
      {action.error ? <QueryError error={action.error} /> : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {open ? (
        <Controls board={board} mutate={mutate} onDone={setAnnouncement} />
      ) : (
        <div className="notice notice--success" role="status">
          <p>{t('board.facilitator.closedNotice', { count: board.inputs.length })}</p>
        </div>
      )}
      {board.status === 'closed' && <InputsList board={board} />}
      {board.groups.length > 0 && (
        <SelectField
          label={t('board.facilitator.filterGroup')}
          name="groupFilter"
          value={groupFilter}
          onChange={(e) => setGroupFilter(e.target.value)}
          options={[{ value: '', label: t('board.facilitator.allGroups') }, ...board.groups.map((g) => ({ value: g.id, label: g.name }))]}
        />
      )}
      <div className="board-columns">
        {board.prompts.map((prompt) => (
          <PromptColumn key={prompt.id} board={board} prompt={prompt} notes={notes.filter((n) => n.promptId === prompt.id)} mutate={mutate} onDone={setAnnouncement} editable={open} />
        ))}
      </div>
    </div>
  );
}

function Controls({ board, mutate, onDone }: { board: Board; mutate: Mutate; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="controls-heading" className="board-controls">
      <h2 id="controls-heading" className="visually-hidden">
        {t('board.facilitator.controls')}
      </h2>
      <div className="button-group">
        <button
          type="button"
          className="button"
          onClick={() => void mutate((boardId) => api.patchBoard({ params: { id: boardId }, body: { voting: board.voting === 'open' ? 'closed' : 'open' } })).then(() => onDone(t(board.voting === 'open' ? 'board.facilitator.votingClosed' : 'board.facilitator.votingOpened')))}
        >
          {board.voting === 'open' ? t('board.facilitator.closeVoting') : t('board.facilitator.openVoting', { count: board.dotsPerParticipant })}
        </button>
        <button type="button" className="button button--secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('board.facilitator.editSettings')}
        </button>
        <button type="button" className="button button--warning" onClick={() => setConfirming(true)}>
          {t('board.facilitator.close')}
        </button>
      </div>
      {confirming && (
        <div className="notice notice--info" role="alertdialog" aria-labelledby="confirm-close">
          <p id="confirm-close">{t('board.facilitator.confirmClose')}</p>
          <div className="button-group">
            <button type="button" className="button button--warning" onClick={() => void mutate((boardId) => api.closeBoard({ params: { id: boardId } })).then(() => setConfirming(false))} autoFocus>
              {t('board.facilitator.confirmCloseYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('board.facilitator.cancel')}
            </button>
          </div>
        </div>
      )}
      {editing && <SettingsForm board={board} onSaved={() => (setEditing(false), onDone(t('board.facilitator.saved')))} />}
    </section>
  );
}

function SettingsForm({ board, onSaved }: { board: Board; onSaved: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(board.title);
  const [prompts, setPrompts] = useState(board.prompts.map((p) => ({ id: p.id as string | undefined, text: p.text })));
  const [groups, setGroups] = useState(board.groups.map((g) => ({ id: g.id as string | undefined, name: g.name })));
  const [dots, setDots] = useState(String(board.dotsPerParticipant));
  const save = useMutation({
    mutationFn: () =>
      api.patchBoard({ params: { id: board.id }, body: {
          title,
          prompts: prompts.filter((p) => p.text.trim()).map((p) => (p.id ? p : { text: p.text })),
          groups: groups.filter((g) => g.name.trim()).map((g) => (g.id ? g : { name: g.name })),
          dotsPerParticipant: Number(dots),
        } }),
    onSuccess: onSaved,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="board-settings" data-testid="board-settings">
      <ErrorSummary error={save.error} labels={{ title: t('board.facilitator.boardTitle'), prompts: t('board.facilitator.prompts') }} />
      <TextField label={t('board.facilitator.boardTitle')} name="title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      <fieldset className="fieldset">
        <legend>{t('board.facilitator.prompts')}</legend>
        {prompts.map((p, i) => (
          <TextField
            key={p.id ?? `new-${i}`}
            label={t('board.facilitator.promptN', { n: i + 1 })}
            name={`prompt-${i}`}
            value={p.text}
            onChange={(e) => setPrompts(prompts.map((q, j) => (j === i ? { ...q, text: e.target.value } : q)))}
          />
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setPrompts([...prompts, { id: undefined, text: '' }])}>
          {t('board.facilitator.addPrompt')}
        </button>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('board.facilitator.groups')}</legend>
        <p className="field__hint">{t('board.facilitator.groupsHint')}</p>
        {groups.map((g, i) => (
          <TextField
            key={g.id ?? `new-${i}`}
            label={t('board.facilitator.groupN', { n: i + 1 })}
            name={`group-${i}`}
            value={g.name}
            onChange={(e) => setGroups(groups.map((h, j) => (j === i ? { ...h, name: e.target.value } : h)))}
          />
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setGroups([...groups, { id: undefined, name: '' }])}>
          {t('board.facilitator.addGroup')}
        </button>
      </fieldset>
      <SelectField
        label={t('board.facilitator.dots')}
        name="dots"
        value={dots}
        onChange={(e) => setDots(e.target.value)}
        options={Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('board.facilitator.save')}
      </button>
    </form>
  );
}

/** Where a dragged note may land: a prompt's own area (no cluster) or one of its clusters. */
interface Target {
  promptId: string;
  clusterId: string | null;
}

function dropProps(enabled: boolean, target: Target, mutate: Mutate) {
  if (!enabled) return {};
  return {
    onDragOver: (e: DragEvent) => e.preventDefault(),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const noteId = e.dataTransfer.getData('text/x-board-note');
      if (noteId) void mutate((boardId) => api.patchNote({ params: { id: boardId, noteId }, body: target.clusterId ? { clusterId: target.clusterId } : { promptId: target.promptId, clusterId: null } }));
    },
  };
}

function PromptColumn({
  board,
  prompt,
  notes,
  mutate,
  onDone,
  editable,
}: {
  board: Board;
  prompt: { id: string; text: string };
  notes: BoardNote[];
  mutate: Mutate;
  onDone: (message: string) => void;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const clusters = board.clusters.filter((c) => c.promptId === prompt.id);
  const loose = notes.filter((n) => !n.clusterId || !clusters.some((c) => c.id === n.clusterId)).sort(byPosition);
  const addCluster = (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return;
    void mutate((boardId) => api.createCluster({ params: { id: boardId }, body: { promptId: prompt.id, label: label.trim() } })).then(() => {
      setLabel('');
      onDone(t('board.facilitator.clusterAdded', { label }));
    });
  };
  const headingId = `column-${prompt.id}`;
  return (
    <section className="board-column" aria-labelledby={headingId} data-testid="board-column">
      <h2 id={headingId} className="board-column__title">
        {prompt.text}
      </h2>
      <div className="board-dropzone" {...dropProps(editable, { promptId: prompt.id, clusterId: null }, mutate)}>
        <NoteList board={board} notes={loose} mutate={mutate} onDone={onDone} editable={editable} label={t('board.facilitator.unclustered', { count: loose.length })} />
      </div>
      {clusters.map((cluster) => (
        <ClusterBox
          key={cluster.id}
          board={board}
          cluster={cluster}
          notes={notes.filter((n) => n.clusterId === cluster.id).sort(byPosition)}
          mutate={mutate}
          onDone={onDone}
          editable={editable}
        />
      ))}
      {editable && (
        <form onSubmit={addCluster} className="board-cluster-form" noValidate>
          <TextField label={t('board.facilitator.newCluster')} name="cluster" scope={`cluster-${prompt.id}`} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} />
          <button type="submit" className="button button--secondary button--small">
            {t('board.facilitator.addCluster')}
          </button>
        </form>
      )}
    </section>
  );
}

function ClusterBox({ board, cluster, notes, mutate, onDone, editable }: { board: Board; cluster: BoardCluster; notes: BoardNote[]; mutate: Mutate; onDone: (m: string) => void; editable: boolean }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(cluster.label);
  const votes = notes.reduce((s, n) => s + n.votes, 0);
  const headingId = `cluster-${cluster.id}`;
  return (
    <section className="board-cluster board-dropzone" aria-labelledby={headingId} data-testid="board-cluster" {...dropProps(editable, { promptId: cluster.promptId, clusterId: cluster.id }, mutate)}>
      <h3 id={headingId} className="board-cluster__title">
        {cluster.label} <span className="muted">({t('board.note.votes', { count: votes })})</span>
      </h3>
      {editable && (
        <div className="button-group">
          <button type="button" className="button button--secondary button--small" aria-expanded={renaming} onClick={() => setRenaming(!renaming)}>
            {t('board.facilitator.rename')}
            <span className="visually-hidden">: {cluster.label}</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void mutate((boardId) => api.removeCluster({ params: { id: boardId, clusterId: cluster.id } })).then(() => onDone(t('board.facilitator.clusterRemoved', { label: cluster.label })))}
          >
            {t('board.facilitator.removeCluster')}
            <span className="visually-hidden">: {cluster.label}</span>
          </button>
        </div>
      )}
      {renaming && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void mutate((boardId) => api.renameCluster({ params: { id: boardId, clusterId: cluster.id }, body: { label } })).then(() => setRenaming(false));
          }}
        >
          <TextField label={t('board.facilitator.clusterName')} name="label" scope={`rename-${cluster.id}`} value={label} onChange={(e) => setLabel(e.target.value)} />
          <button type="submit" className="button button--small">
            {t('board.facilitator.save')}
          </button>
        </form>
      )}
      <NoteList board={board} notes={notes} mutate={mutate} onDone={onDone} editable={editable} label={t('board.facilitator.inCluster', { label: cluster.label, count: notes.length })} />
    </section>
  );
}

function NoteList({ board, notes, mutate, onDone, editable, label }: { board: Board; notes: BoardNote[]; mutate: Mutate; onDone: (m: string) => void; editable: boolean; label: string }) {
  if (notes.length === 0) return <p className="muted board-empty">{label}</p>;
  return (
    <ul className="board-notes" aria-label={label}>
      {notes.map((note, index) => (
        <NoteCard key={note.id} board={board} note={note} before={notes[index - 1]} after={notes[index + 1]} afterNext={notes[index + 2]} beforePrev={notes[index - 2]} mutate={mutate} onDone={onDone} editable={editable} />
      ))}
    </ul>
  );
}

function NoteCard({
  board,
  note,
  before,
  after,
  beforePrev,
  afterNext,
  mutate,
  onDone,
  editable,
}: {
  board: Board;
  note: BoardNote;
  before: BoardNote | undefined;
  after: BoardNote | undefined;
  beforePrev: BoardNote | undefined;
  afterNext: BoardNote | undefined;
  mutate: Mutate;
  onDone: (m: string) => void;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [mergeTarget, setMergeTarget] = useState('');
  const group = board.groups.find((g) => g.id === note.groupId);
  // Moving up puts the note between the two above it; moving down, between the two below.
  const up = before ? (beforePrev ? (beforePrev.position + before.position) / 2 : before.position - 1) : undefined;
  const down = after ? (afterNext ? (after.position + afterNext.position) / 2 : after.position + 1) : undefined;
  const moveOptions = board.prompts.flatMap((p) => [
    { value: `p:${p.id}`, label: t('board.facilitator.toPrompt', { prompt: p.text }) },
    ...board.clusters.filter((c) => c.promptId === p.id).map((c) => ({ value: `c:${c.id}`, label: t('board.facilitator.toCluster', { prompt: p.text, cluster: c.label }) })),
  ]);
  const current = note.clusterId ? `c:${note.clusterId}` : `p:${note.promptId}`;
  const others = board.notes.filter((n) => n.id !== note.id && !n.mergedInto && !n.hidden);
  const short = note.text.length > 40 ? `${note.text.slice(0, 40)}…` : note.text;
  return (
    <li
      className={`board-note${note.hidden ? ' board-note--hidden' : ''}`}
      data-testid="board-note"
      draggable={editable}
      onDragStart={(e) => e.dataTransfer.setData('text/x-board-note', note.id)}
    >
      <NoteText note={note} />
      <p className="board-note__meta">
        <span data-testid="note-votes">{t('board.note.votes', { count: note.votes })}</span>
        {group && <> · {group.name}</>}
        {note.hidden && (
          <>
            {' '}
            · <strong>{t('board.facilitator.hiddenBadge')}</strong>
          </>
        )}
      </p>
      {editable && (
        <details className="board-note__actions">
          <summary>
            {t('board.facilitator.actions')}
            <span className="visually-hidden">: {short}</span>
          </summary>
          <SelectField
            label={t('board.facilitator.moveTo')}
            name="move"
            scope={`move-${note.id}`}
            value={current}
            options={moveOptions}
            onChange={(e) => {
              const [kind, id] = e.target.value.split(':') as [string, string];
              void mutate((boardId) => api.patchNote({ params: { id: boardId, noteId: note.id }, body: kind === 'c' ? { clusterId: id } : { promptId: id, clusterId: null } })).then(() => onDone(t('board.facilitator.moved', { text: short })));
            }}
          />
          <div className="button-group">
            <button type="button" className="button button--secondary button--small" disabled={up === undefined} onClick={() => up !== undefined && void mutate((boardId) => api.patchNote({ params: { id: boardId, noteId: note.id }, body: { position: up } }))}>
              {t('board.facilitator.up')}
            </button>
            <button type="button" className="button button--secondary button--small" disabled={down === undefined} onClick={() => down !== undefined && void mutate((boardId) => api.patchNote({ params: { id: boardId, noteId: note.id }, body: { position: down } }))}>
              {t('board.facilitator.down')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void mutate((boardId) => api.patchNote({ params: { id: boardId, noteId: note.id }, body: { hidden: !note.hidden } })).then(() => onDone(t(note.hidden ? 'board.facilitator.shown' : 'board.facilitator.hidden', { text: short })))}
            >
              {note.hidden ? t('board.facilitator.show') : t('board.facilitator.hide')}
            </button>
          </div>
          {others.length > 0 && (
            <form
              noValidate
              className="board-merge"
              onSubmit={(e) => {
                e.preventDefault();
                if (mergeTarget) void mutate((boardId) => api.mergeNotes({ params: { id: boardId }, body: { sourceId: note.id, targetId: mergeTarget } })).then(() => onDone(t('board.facilitator.merged', { text: short })));
              }}
            >
              <SelectField
                label={t('board.facilitator.mergeInto')}
                name="merge"
                scope={`merge-${note.id}`}
                value={mergeTarget}
                onChange={(e) => setMergeTarget(e.target.value)}
                options={[{ value: '', label: t('board.facilitator.chooseNote') }, ...others.map((n) => ({ value: n.id, label: n.text.length > 60 ? `${n.text.slice(0, 60)}…` : n.text }))]}
              />
              <button type="submit" className="button button--secondary button--small" disabled={!mergeTarget}>
                {t('board.facilitator.merge')}
              </button>
            </form>
          )}
        </details>
      )}
    </li>
  );
}

function InputsList({ board }: { board: Board }) {
  const { t } = useTranslation();
  if (board.inputs.length === 0) return null;
  return (
    <section aria-labelledby="inputs-heading" data-testid="board-inputs">
      <h2 id="inputs-heading">{t('board.facilitator.inputsHeading')}</h2>
      <ul className="board-inputs">
        {board.inputs.map((link) => {
          const note = board.notes.find((n) => n.id === link.noteId);
          return (
            <li key={link.inputId}>
              <Link to={`/spaces/${board.spaceId}/inputs/${link.inputId}`}>{note?.text ?? link.inputId}</Link>{' '}
              <span className="tag" data-testid="input-status">
                {t(`inputs.status.${link.status}`)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
