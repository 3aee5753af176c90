import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** The addresses a host name stands for; the system resolver unless a test gives its own. */
export type AddressResolver = (host: string) => Promise<string[]>;

export const systemResolver: AddressResolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Why an address is not a public one, in words ("loopback", "private", "linkLocal", …), or
 * undefined for a public unicast address. Every special-purpose range of ipaddr.js counts as
 * not public: loopback, RFC 1918, unique local, link-local (cloud metadata at 169.254.169.254),
 * shared CGNAT space, unspecified, broadcast, multicast, reserved; an IPv4-mapped IPv6 address
 * is judged as the IPv4 address it carries.
 */
export function nonPublicRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? undefined : range;
}

export interface PublicAddressOptions {
  /** When true nothing is checked (local development and tests serve feeds on 127.0.0.1). */
  allowPrivateAddresses: boolean;
  resolve?: AddressResolver;
}

/** The addresses of a host, each judged; refuses (with the reason) when any one is not public. */
export async function checkedAddresses(host: string, resolve: AddressResolver = systemResolver): Promise<string[]> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let addresses: string[];
  if (isIP(bare)) addresses = [bare];
  else {
    try {
      addresses = await resolve(bare);
    } catch (error) {
      throw new AddressRefusedError(`${bare} does not resolve (${(error as { code?: string }).code ?? (error as Error).message})`);
    }
    if (addresses.length === 0) throw new AddressRefusedError(`${bare} does not resolve`);
  }
  for (const address of addresses) {
    const range = nonPublicRange(address);
    if (range === undefined) continue;
    const via = address === bare ? address : `${bare} resolves to ${address}`;
    throw new AddressRefusedError(`${via}, a ${range} address: only public addresses may be fetched`);
  }
  return addresses;
}

/**
 * Why the server should not fetch this http(s) URL (a request to the server's own network,
 * SSRF), or undefined when every address of its host is public or the check is off.
 */
export async function urlAddressRefusal(url: string, options: PublicAddressOptions): Promise<string | undefined> {
  if (options.allowPrivateAddresses) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return 'not a URL';
  }
  try {
    await checkedAddresses(host, options.resolve);
    return undefined;
  } catch (error) {
    if (error instanceof AddressRefusedError) return error.message;
    throw error;
  }
}

export class AddressRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressRefusedError';
  }
}
