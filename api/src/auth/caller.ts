// Who is calling: always identified by tenant + object id from a verified token, never by a name
// taken from the request.
export interface UserCaller {
  kind: 'user';
  tenantId: string;
  oid: string;
  upn: string | null;
  displayName: string | null;
  isGuest: boolean;
  /** The client that obtained the token (add-in, Teams, Outlook). */
  clientId: string;
}

export interface AppCaller {
  kind: 'app';
  tenantId: string;
  /** Service principal object id of the calling app. */
  oid: string;
  appId: string;
  /** App roles granted to the calling app on the Clawback API. */
  roles: string[];
}

export type Caller = UserCaller | AppCaller;
