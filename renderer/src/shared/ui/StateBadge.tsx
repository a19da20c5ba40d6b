// The state badge of a box or phone; the reason (from the box) shows as a tooltip, always as plain text. Its words
// are the core namespace's `state.*` and `reason.*`.
import { useTranslation } from 'react-i18next';
import type { TileState } from '../state/selectors.ts';

export function StateBadge({ state, reason }: { state: TileState; reason: string | null }) {
  const { t } = useTranslation();
  const translatedReason = reason ? t(`reason.${reason}`, { defaultValue: reason }) : undefined;
  return (
    <span className={`badge badge-${state}`} title={translatedReason} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}
