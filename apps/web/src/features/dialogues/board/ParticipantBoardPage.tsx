import type { Board, BoardNote } from '@samhandling/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { usePageTitle } from '../../../app/usePage.ts';
import { ErrorSummary, fieldError, fieldId, Loading, QueryError, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { AGE_GROUPS, ageGroupLabel, options, SECTORS, sectorLabel } from '../../actors/labels.ts';
import { pick } from '../../../i18n/labels.ts';
import { NoteText } from './NoteText.tsx';
import { authHeaders, byPosition, forgetParticipation, loadParticipation, saveParticipation, useLiveBoard, useNoteOutbox, type Participation } from './live.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';

/**
 * The participant's board on a phone, without an account: join with the short code (typed, or
 * from the QR code's link), then post notes and put dots. Path: /delta (Swedish: "take part").
 */
export function ParticipantBoardPage() {
  const { t } = useTranslation();
  const params = useParams();
  const code = (params.code ?? '').toUpperCase();
  const [participation, setParticipation] = useState<Participation | null>(() => (code ? loadParticipation(code) : null));
  useEffect(() => setParticipation(code ? loadParticipation(code) : null), [code]);
  usePageTitle(t('board.participant.title'));
  return (
    <div className="container narrow board-participant">
      {participation && code ? (
        <JoinedBoard
          participation={participation}
          onGone={() => {
            forgetParticipation(code);
            setParticipation(null);
          }}
        />
      ) : (
        <JoinForm code={code} onJoined={(p, joinedCode) => (saveParticipation(joinedCode, p), setParticipation(p))} />
      )}
    </div>
  );
}

function JoinForm({ code, onJoined }: { code: string; onJoined: (p: Participation, code: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({ code, name: '', sector: '', ageGroup: '' });
  useEffect(() => setForm((f) => ({ ...f, code })), [code]);
  const join = useMutation({
    mutationFn: () =>
      api.joinBoard({ body: {
          code: form.code.trim(),
          ...(form.name.trim() ? { name: form.name.trim() } : {}),
          sector: pick(SECTORS, form.sector),
          ageGroup: pick(AGE_GROUPS, form.ageGroup),
        } }),
    onSuccess: (p) => {
      const joinedCode = form.code.trim().toUpperCase();
      onJoined(p, joinedCode);
      if (joinedCode !== code) void navigate(`/delta/${joinedCode}`, { replace: true });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    join.mutate();
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <>
      <h1>{t('board.participant.title')}</h1>
      <p>{t('board.participant.intro')}</p>
      <form onSubmit={onSubmit} noValidate data-testid="join-form">
        <ErrorSummary error={join.error} labels={{ code: t('board.participant.code'), name: t('board.participant.name') }} />
        <TextField
          label={t('board.participant.code')}
          hint={t('board.participant.codeHint')}
          name="code"
          value={form.code}
          onChange={set('code')}
          error={fieldError(join.error, 'code')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={6}
          className="board-code-field"
          required
        />
        <fieldset className="fieldset">
          <legend>{t('board.participant.aboutYou')}</legend>
          <p className="field__hint">{t('board.participant.aboutYouHint')}</p>
          <TextField label={t('board.participant.name')} name="name" value={form.name} onChange={set('name')} autoComplete="given-name" maxLength={80} />
          <SelectField
            label={t('board.participant.sector')}
            name="sector"
            value={form.sector}
            onChange={set('sector')}
            options={options(SECTORS, (v) => sectorLabel(t, v), t('board.participant.notSaid'))}
          />
          <SelectField
            label={t('board.participant.ageGroup')}
            name="ageGroup"
            value={form.ageGroup}
            onChange={set('ageGroup')}
            options={options(AGE_GROUPS, (v) => ageGroupLabel(t, v), t('board.participant.notSaid'))}
          />
        </fieldset>
        <button type="submit" className="button" disabled={join.isPending}>
          {t('board.participant.join')}
        </button>
      </form>
    </>
  );
}

function JoinedBoard({ participation, onGone }: { participation: Participation; onGone: () => void }) {
  const { t } = useTranslation();
  const { board, connection, error, setBoard } = useLiveBoard(participation.boardId, participation.token);
  const outbox = useNoteOutbox(participation.boardId, participation.token);
  useEffect(() => {
    if (error && (error as { status?: number }).status === 404) onGone();
  }, [error, onGone]);
  if (!board) return error ? <QueryError error={error} /> : <Loading />;
  return (
    <>
      <h1>{board.title}</h1>
      <ConnectionStatus connection={connection} queued={outbox.queue.length} />
      {board.status === 'closed' ? (
        <div className="notice notice--success" role="status">
          <p>{t('board.participant.closed')}</p>
        </div>
      ) : (
        <NoteForm board={board} onSend={outbox.add} />
      )}
      {outbox.failed && (
        <div className="notice notice--error" role="alert">
          <p>{t('board.participant.notSent', { text: outbox.failed.note.text, reason: outbox.failed.message })}</p>
          <button type="button" className="button button--secondary button--small" onClick={outbox.clearFailed}>
            {t('board.participant.dismiss')}
          </button>
        </div>
      )}
      {outbox.queue.length > 0 && (
        <section aria-labelledby="queued-heading">
          <h2 id="queued-heading">{t('board.participant.queuedHeading')}</h2>
          <ul className="board-notes" data-testid="queued-notes">
            {outbox.queue.map((n) => (
              <li key={n.clientKey} className="board-note board-note--queued">
                <p className="board-note__text">{n.text}</p>
                <p className="board-note__meta">{t('board.participant.waiting')}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Notes board={board} participation={participation} onVoted={(b) => setBoard(b)} />
    </>
  );
}

function NoteForm({ board, onSend }: { board: Board; onSend: (note: { promptId: string; text: string; groupId: string | null }) => void }) {
  const { t } = useTranslation();
  const [promptId, setPromptId] = useState(board.prompts[0]?.id ?? '');
  const [groupId, setGroupId] = useState(board.viewer.kind === 'participant' ? (board.viewer.groupId ?? '') : '');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [sent, setSent] = useState(0);
  const focusText = () => document.getElementById(fieldId('text'))?.focus();
  useEffect(() => {
    if (!board.prompts.some((p) => p.id === promptId)) setPromptId(board.prompts[0]?.id ?? '');
  }, [board.prompts, promptId]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setProblem(t('board.participant.empty'));
      focusText();
      return;
    }
    setProblem(undefined);
    onSend({ promptId, text: trimmed, groupId: groupId || null });
    setText('');
    setSent((n) => n + 1);
    focusText();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="board-note-form" data-testid="note-form">
      {board.prompts.length > 1 ? (
        <SelectField
          label={t('board.participant.prompt')}
          name="promptId"
          value={promptId}
          onChange={(e) => setPromptId(e.target.value)}
          options={board.prompts.map((p) => ({ value: p.id, label: p.text }))}
        />
      ) : (
        <p className="board-prompt">{board.prompts[0]?.text}</p>
      )}
      {board.groups.length > 0 && (
        <SelectField
          label={t('board.participant.group')}
          name="groupId"
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          options={[{ value: '', label: t('board.participant.noGroup') }, ...board.groups.map((g) => ({ value: g.id, label: g.name }))]}
        />
      )}
      <TextAreaField
        label={t('board.participant.note')}
        name="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={500}
        rows={3}
        error={problem}
        required
      />
      <button type="submit" className="button">
        {t('board.participant.send')}
      </button>
      <p className="visually-hidden" role="status">
        {sent > 0 ? t('board.participant.sentCount', { count: sent }) : ''}
      </p>
    </form>
  );
}

function Notes({ board, participation, onVoted }: { board: Board; participation: Participation; onVoted: (b: Board) => void }) {
  const { t } = useTranslation();
  const myVotes = board.viewer.kind === 'participant' ? board.viewer.votes : {};
  const used = Object.values(myVotes).reduce((s, n) => s + n, 0);
  const left = board.dotsPerParticipant - used;
  const voting = board.voting === 'open' && board.status === 'open';
  const vote = useMutation({
    mutationFn: ({ noteId, dots }: { noteId: string; dots: number }) =>
      api.castVote({ params: { id: board.id, noteId }, body: { dots }, headers: authHeaders(participation.token) }),
    onSuccess: (answer) => {
      if (board.viewer.kind !== 'participant') return;
      onVoted({
        ...board,
        viewer: { ...board.viewer, votes: answer.mine },
        notes: board.notes.map((n) => (n.id === answer.noteId ? { ...n, votes: answer.votes } : n)),
      });
    },
  });
  const visible = board.notes.filter((n) => !n.mergedInto && !n.hidden);
  return (
    <section aria-labelledby="notes-heading" className="board-participant__notes">
      <h2 id="notes-heading">{t('board.participant.notesHeading', { count: visible.length })}</h2>
      {voting && (
        <p className="notice notice--info" data-testid="dots-left">
          {t('board.participant.dotsLeft', { count: left, total: board.dotsPerParticipant })}
        </p>
      )}
      {vote.error ? <QueryError error={vote.error} /> : null}
      {board.prompts.map((prompt) => {
        const notes = visible.filter((n) => n.promptId === prompt.id).sort(byPosition);
        return (
          <section key={prompt.id} aria-labelledby={`prompt-${prompt.id}`}>
            <h3 id={`prompt-${prompt.id}`}>{prompt.text}</h3>
            {notes.length === 0 ? (
              <p className="muted">{t('board.participant.noNotes')}</p>
            ) : (
              <ul className="board-notes" data-testid="board-notes">
                {notes.map((note) => (
                  <NoteItem key={note.id} note={note} mine={note.authorId === participation.participantId} dots={myVotes[note.id] ?? 0}>
                    {voting && (
                      <div className="board-note__votes button-group">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={left <= 0 || vote.isPending}
                          onClick={() => vote.mutate({ noteId: note.id, dots: (myVotes[note.id] ?? 0) + 1 })}
                        >
                          {t('board.participant.addDot')}
                          <span className="visually-hidden">: {note.text}</span>
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={(myVotes[note.id] ?? 0) === 0 || vote.isPending}
                          onClick={() => vote.mutate({ noteId: note.id, dots: (myVotes[note.id] ?? 0) - 1 })}
                        >
                          {t('board.participant.removeDot')}
                          <span className="visually-hidden">: {note.text}</span>
                        </button>
                      </div>
                    )}
                  </NoteItem>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

function NoteItem({ note, mine, dots, children }: { note: BoardNote; mine: boolean; dots: number; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`board-note${mine ? ' board-note--mine' : ''}`} data-testid="board-note">
      <NoteText note={note} />
      <p className="board-note__meta">
        {mine && <span className="badge">{t('board.participant.yours')}</span>}{' '}
        <span data-testid="note-votes">{t('board.note.votes', { count: note.votes })}</span>
        {dots > 0 && <> · {t('board.participant.yourDots', { count: dots })}</>}
      </p>
      {children}
    </li>
  );
}
