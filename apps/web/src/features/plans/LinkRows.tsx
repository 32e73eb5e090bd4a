import { useTranslation } from 'react-i18next';
import { fieldId, TextField } from '../../components/fields.tsx';
import { emptyLink, type LinkDraft } from './measure-form.ts';
import { RowList } from './RowList.tsx';

/** Links to other plans and strategies: a title and an http(s) address. */
export function LinkRows({
  rows,
  onChange,
  errorFor,
  scope,
}: {
  rows: LinkDraft[];
  onChange: (rows: LinkDraft[]) => void;
  errorFor: (path: string) => string | undefined;
  scope: string;
}) {
  const { t } = useTranslation();
  return (
    <RowList
      heading={t('actionPlans.links')}
      testId="link-rows"
      rows={rows}
      onChange={onChange}
      newRow={emptyLink}
      legend={(n) => t('actionPlans.editor.linkN', { n })}
      removeLabel={(n) => t('actionPlans.editor.removeLink', { n })}
      addLabel={t('actionPlans.editor.addLink')}
      empty={t('actionPlans.editor.noLinks')}
      firstField={(i) => fieldId(`links.${i}.title`, scope)}
    >
      {(l, i, update) => {
        const name = (field: string) => `links.${i}.${field}`;
        return (
          <div className="form-row">
            <TextField
              scope={scope}
              name={name('title')}
              label={t('actionPlans.editor.linkTitle')}
              required
              value={l.title}
              onChange={(e) => update({ title: e.target.value })}
              error={errorFor(name('title'))}
            />
            <TextField
              scope={scope}
              name={name('url')}
              type="url"
              label={t('actionPlans.editor.linkUrl')}
              required
              value={l.url}
              onChange={(e) => update({ url: e.target.value })}
              error={errorFor(name('url'))}
            />
          </div>
        );
      }}
    </RowList>
  );
}
