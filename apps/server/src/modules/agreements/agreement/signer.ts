import { randomUUID } from 'node:crypto';

/**
 * How a signature is made. Today the platform signs for a signed-in user it has named as a
 * party's signatory (the session is the evidence). An e-signature service (BankID, Freja eID,
 * a qualified e-signature provider) plugs in here: its `sign` sends the SHA-256 of the version's
 * canonical text to the provider, waits for the person to approve it, and returns the provider's
 * evidence (order reference, certificate, OCSP answer) to be kept with the signature.
 */
export interface SignRequest {
  agreementId: string;
  version: number;
  sha256: string;
  signer: { userId: string; name: string; title: string; organisation: string };
  /** The session the request came with (evidence for the platform signer). */
  sessionId: string | null;
}

export interface SignatureEvidence {
  method: string;
  signedAt: Date;
  evidence: Record<string, unknown>;
}

export interface Signer {
  readonly method: string;
  sign(request: SignRequest, now: Date): Promise<SignatureEvidence>;
}

/** Signing by a signed-in, named signatory: no e-ID provider can be reached from here. */
export const platformSigner: Signer = {
  method: 'platform_session',
  async sign(request, now) {
    return { method: this.method, signedAt: now, evidence: { reference: randomUUID(), sessionId: request.sessionId, sha256: request.sha256 } };
  },
};

/** The signer in use; a configured e-signature provider would be chosen here. */
export function currentSigner(): Signer {
  return platformSigner;
}
