/**
 * Proxy settings of a partition, Electron's {@code ses.setProxy(config)} and friends:
 * {@link io.github.fxsession.proxy.ProxyConfig} (mode, PAC script, proxy rules, bypass rules,
 * optional credentials), {@link io.github.fxsession.proxy.ProxyMode} and the proxy login hook
 * {@link io.github.fxsession.proxy.ProxyLoginHandler}.
 *
 * <pre>{@code
 * Session work = Session.fromPartition("persist:work");
 * work.setProxy(ProxyConfig.builder()
 *         .proxyRules("http=proxy.corp:3128;socks=socks5://gate.corp")
 *         .proxyBypassRules("*.corp,<local>")
 *         .build()).join();
 * String pac = work.resolveProxy("http://example.com/").join();   // "PROXY proxy.corp:3128"
 * }</pre>
 *
 * <p>Each partition has its own configuration; changing one never affects another.
 *
 * @since 0.2
 */
package io.github.fxsession.proxy;
