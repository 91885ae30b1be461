import type { Plugin } from 'vite';

/**
 * Remove Preact's only `innerHTML` write (its `dangerouslySetInnerHTML` support), so no code path
 * in our bundles can parse a string as HTML: all data is rendered as text. The build fails if
 * Preact's code changes shape, rather than silently keeping the sink.
 */
export function noInnerHtml(): Plugin {
  const sink = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
  return {
    name: 'wsw:no-inner-html',
    enforce: 'pre',
    transform: {
      filter: { id: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js/ },
      handler(code, id) {
        const found = code.match(sink)?.length ?? 0;
        if (found !== 1) this.error(`expected one innerHTML sink in ${id}, found ${found}`);
        return code.replace(sink, '(()=>{throw new Error("wsw: dangerouslySetInnerHTML is disabled")})()');
      },
    },
  };
}
