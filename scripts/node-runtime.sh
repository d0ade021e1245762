# Sourced by the test command and `npm run dev`: puts a Node.js of a given major version first on
# PATH. The machine's own node is used when it is that version; otherwise the official binary is
# taken from the npm registry (the node-linux-<arch> packages ship it) into .runtime/, which git
# ignores. Node 24 is the production runtime, 22 is supported, 20 is end-of-life.

# node_major: the major version of the node on PATH, 0 if there is none.
node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' || echo 0; }

# use_node MAJOR: makes `node`, `npm` and `npx` on PATH be Node MAJOR.
use_node() {
  local major=$1
  [ "$(node_major)" = "$major" ] && return 0
  local root dir arch
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  dir="$root/.runtime/node-$major"
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "No Node.js $major package for $(uname -m); install Node.js $major and run again." >&2; return 1 ;;
  esac
  if [ ! -x "$dir/bin/node" ]; then
    echo "Installing Node.js $major from the npm registry (node-linux-$arch) into .runtime/node-$major"
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-$arch@^$major" >/dev/null)
    mkdir -p "$dir.partial"
    tar -xzf "$tmp"/node-linux-*.tgz -C "$dir.partial" --strip-components=1
    rm -rf "$tmp" "$dir"
    mv "$dir.partial" "$dir"
  fi
  # npm and npx stay those of the machine (the binary package has none); they run on this node.
  export PATH="$dir/bin:$PATH"
}
