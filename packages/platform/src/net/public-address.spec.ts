import { checkedAddresses, nonPublicRange, urlAddressRefusal, type AddressResolver } from './public-address';

describe(nonPublicRange.name, () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    // Shared address space: Alibaba Cloud's metadata service answers at 100.100.100.200.
    ['100.100.100.200', 'carrierGradeNat'],
    // An IPv4-mapped IPv6 address is the IPv4 address it carries.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['not-an-address', 'not an IP address'],
  ])('refuses %s (%s)', (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '114.114.114.114', '172.32.0.1', '2400:3200::1', '::ffff:8.8.8.8'])('takes %s as public', (address) => {
    expect(nonPublicRange(address)).toBeUndefined();
  });
});

describe(urlAddressRefusal.name, () => {
  const names: Record<string, string[]> = {
    'news.example.cn': ['203.119.24.1', '2400:3200::1'],
    'rebound.example.cn': ['203.119.24.1', '10.0.0.7'],
    'metadata.example.cn': ['169.254.169.254'],
  };
  const resolve: AddressResolver = jest.fn(async (host: string) => {
    const found = names[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  });
  const guarded = { allowPrivateAddresses: false, resolve };

  beforeEach(() => jest.mocked(resolve).mockClear());

  it('takes a URL whose every address is public', async () => {
    await expect(urlAddressRefusal('https://news.example.cn/rss.xml', guarded)).resolves.toBeUndefined();
  });

  it('refuses a URL when any one of its addresses is not public, naming the name, the address and its range', async () => {
    await expect(urlAddressRefusal('https://rebound.example.cn/rss.xml', guarded)).resolves.toBe(
      'rebound.example.cn resolves to 10.0.0.7, a private address: only public addresses may be fetched',
    );
    await expect(urlAddressRefusal('http://metadata.example.cn/latest/meta-data/', guarded)).resolves.toMatch(/169\.254\.169\.254, a linkLocal address/);
  });

  it('refuses address literals without resolving them, in every spelling the URL parser accepts', async () => {
    await expect(urlAddressRefusal('http://127.0.0.1:8080/feed', guarded)).resolves.toMatch(/^127\.0\.0\.1, a loopback address/);
    await expect(urlAddressRefusal('http://[::1]/feed', guarded)).resolves.toMatch(/^::1, a loopback address/);
    await expect(urlAddressRefusal('http://[::ffff:7f00:1]/feed', guarded)).resolves.toMatch(/loopback/);
    // 2130706433 and 0x7f.1 are 127.0.0.1 to the WHATWG URL parser.
    await expect(urlAddressRefusal('http://2130706433/feed', guarded)).resolves.toMatch(/^127\.0\.0\.1, a loopback/);
    await expect(urlAddressRefusal('http://0x7f.1/feed', guarded)).resolves.toMatch(/^127\.0\.0\.1, a loopback/);
    await expect(urlAddressRefusal('http://169.254.169.254/latest/meta-data/', guarded)).resolves.toMatch(/linkLocal/);
    expect(resolve).not.toHaveBeenCalled();
  });

  it('refuses a name that does not resolve, with the resolver’s code', async () => {
    await expect(urlAddressRefusal('https://nowhere.example.cn/rss.xml', guarded)).resolves.toBe('nowhere.example.cn does not resolve (ENOTFOUND)');
    await expect(checkedAddresses('empty.example.cn', async () => [])).rejects.toThrow('empty.example.cn does not resolve');
  });

  it('checks nothing when private addresses are allowed', async () => {
    await expect(urlAddressRefusal('http://127.0.0.1/feed', { allowPrivateAddresses: true, resolve })).resolves.toBeUndefined();
    await expect(urlAddressRefusal('http://rebound.example.cn/feed', { allowPrivateAddresses: true, resolve })).resolves.toBeUndefined();
    expect(resolve).not.toHaveBeenCalled();
  });
});
