import { useTranslation } from 'react-i18next';
import type { Connection } from './live.ts';

/** Says whether the board is live, and that notes written offline wait in the phone until it is. */
export function ConnectionStatus({ connection, queued }: { connection: Connection; queued: number }) {
  const { t } = useTranslation();
  return (
    <p className={`board-connection board-connection--${connection}`} role="status" data-testid="connection" data-connection={connection}>
      <span className="board-connection__dot" aria-hidden="true" />
      {t(`board.connection.${connection}`)}
      {queued > 0 && <> · {t('board.connection.queued', { count: queued })}</>}
    </p>
  );
}
