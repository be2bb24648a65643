#!/usr/bin/env bash
# Everything a fresh machine needs before `npm run build` (mode "build") or
# `npm test` (mode "test"). Installs only what is missing, so it takes well
# under a second when everything is already there. Where it cannot install
# something (not root, no apt-get), it says exactly what to install.
set -euo pipefail
mode="${1:-build}"
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

can_apt() {
  command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    as_root apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# 1. A browser for the PDF. Before npm install, so that puppeteer's install
#    sees the system Chromium (.puppeteerrc.cjs) and skips its own download.
browser_found() {
  if [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then
    [ -x "$PUPPETEER_EXECUTABLE_PATH" ] && return 0
    say "PUPPETEER_EXECUTABLE_PATH=$PUPPETEER_EXECUTABLE_PATH is not an executable file"
    return 1
  fi
  node -e 'process.exit(require("./.puppeteerrc.cjs").executablePath ? 0 : 1)' && return 0
  compgen -G "${PUPPETEER_CACHE_DIR:-$HOME/.cache/puppeteer}/chrome/*/chrome-*/chrome" >/dev/null && return 0
  return 1
}
if ! browser_found; then
  if can_apt; then
    apt_install chromium
  else
    say "no Chromium found and apt-get is not usable here: install Chromium or Chrome (Debian/Ubuntu: sudo apt-get install chromium;"
    say "macOS: brew install --cask chromium), or set PUPPETEER_EXECUTABLE_PATH. Otherwise npm install will try to download Chrome itself."
  fi
fi

# 2. Fonts for names in other scripts, so the PDF shows them as text rather
#    than empty boxes: Hebrew and Arabic (Noto), Chinese, Japanese and Korean
#    (WenQuanYi Micro Hei, TrueType so the text stays searchable), emoji.
if command -v fc-list >/dev/null 2>&1; then
  fonts=()
  { [ -n "$(fc-list :lang=he)" ] && [ -n "$(fc-list :lang=ar)" ]; } || fonts+=(fonts-noto-core)
  fc-list : family | grep -q "WenQuanYi Micro Hei" || fonts+=(fonts-wqy-microhei)
  fc-list : family | grep -q "Noto Color Emoji" || fonts+=(fonts-noto-color-emoji)
  # The EPUB's cover picture is drawn with these (Chromium's package brings them too).
  fc-list : family | grep -q "Liberation Serif" || fonts+=(fonts-liberation)
  if [ "${#fonts[@]}" -gt 0 ]; then
    if can_apt; then
      apt_install "${fonts[@]}"
    else
      say "for names in Hebrew, Arabic and Chinese in the PDF, install: ${fonts[*]} (Debian/Ubuntu: sudo apt-get install ${fonts[*]})."
    fi
  fi
fi

# 3. npm dependencies, as package-lock.json pins them. Not `npm ci`: it insists
#    on lock entries for every platform's optional binaries (rollup, esbuild),
#    and registry mirrors that carry only this platform's cannot provide them.
stamp=node_modules/.dossier-setup
want="$(node -p 'process.version')-$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "npm install (pinned by package-lock.json)"
  npm install --no-save --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
fi

# 4. The real checkers the tests run: EPUBCheck (with Java), poppler, qpdf, and
#    strace, which watches that a PDF build contacts no host.
if [ "$mode" = test ]; then
  missing=()
  { command -v java >/dev/null 2>&1 && [ -f /usr/share/java/epubcheck.jar ]; } || missing+=(epubcheck)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  { command -v pdftotext && command -v pdfinfo && command -v pdftoppm; } >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
  command -v strace >/dev/null 2>&1 || missing+=(strace)
  if [ "${#missing[@]}" -gt 0 ]; then
    if can_apt; then
      apt_install "${missing[@]}"
    else
      say "the tests need: ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})."
      say "EPUBCheck must be at /usr/share/java/epubcheck.jar, as Debian's epubcheck package puts it."
      exit 1
    fi
  fi
fi

# 5. The command as `npm run build` runs it: bundled by esbuild (scripts/bundle.sh).
#    The tests run the bundle too, so it is made in both modes.
bash scripts/bundle.sh
