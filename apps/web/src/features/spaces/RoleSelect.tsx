import type { Member } from '@samhandling/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel, SPACE_ROLES } from './labels.ts';

export function RoleSelect({ member, onChange, disabled }: { member: Member; onChange: (role: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<string>(member.role);
  const id = `role-${member.userId}`;
  return (
    <div className="inline-form">
      <label htmlFor={id} className="visually-hidden">
        {t('members.roleFor', { name: member.name })}
      </label>
      <select id={id} className="input select input--small" value={role} onChange={(e) => setRole(e.target.value)}>
        {SPACE_ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(t, r)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={disabled || role === member.role}
        onClick={() => onChange(role)}
      >
        {t('members.changeRole')}
        <span className="visually-hidden"> {member.name}</span>
      </button>
    </div>
  );
}
