/** A library or module the program imports is missing from the image. Capture 1: the module. */
import { family } from './define.js';

export const RUNTIME_DEPENDENCY_PATTERNS = family('runtime-dependency', [
  ['python-module', /ModuleNotFoundError: No module named '?([\w.]+)'?|ImportError: No module named '?([\w.]+)'?/, 0.92, { runtime: 'python', label: 'Python module missing' }],
  ['python-import', /ImportError: (?:cannot import name '?(\w+)'?|lib\S+\.so[\w.]*: cannot open shared object file|DLL load failed)|pkg_resources\.DistributionNotFound|PackageNotFoundError/, 0.82, { runtime: 'python', label: 'Python import failed' }],
  ['node-package', /Cannot find (?:module|package) '((?![./])[^']+)'/, 0.9, { runtime: 'node', label: 'Node.js module missing' }],
  ['node-relative', /Cannot find module '(\.\.?\/[^']+)'|Cannot find module '(\/[^']+)' imported from/, 0.8, { runtime: 'node', label: 'Node.js module missing' }],
  ['native-module-platform', /invalid ELF header|wrong ELF class|Could not locate the bindings file|was compiled against a different Node\.js version|NODE_MODULE_VERSION \d+\. This version of Node\.js requires/, 0.84, { runtime: 'node', label: 'native module built for another platform or runtime' }],
  ['shared-library', /error while loading shared libraries: ([^\s:]+)|cannot open shared object file|Library not loaded: (\S+)|symbol lookup error|version `GLIBC_[\d.]+' not found|Error relocating [^\n]*symbol not found|\/lib\/ld-[\w.-]+so[\w.]*: No such file/, 0.9, { runtime: 'native', label: 'shared library missing' }],
  ['jvm-class', /(?:ClassNotFoundException|NoClassDefFoundError)(?::\s*([\w$./]+))?|UnsatisfiedLinkError|UnsupportedClassVersionError|has been compiled by a more recent version of the Java Runtime|NoSuchMethodError|NoSuchFieldError|java\.lang\.LinkageError/, 0.88, { runtime: 'jvm', label: 'Java class missing' }],
  ['ruby-load', /cannot load such file -- ([\w/.-]+)|Bundler::GemNotFound|Could not find (?:gem )?'?([\w-]+)[^\n]* in (?:any of the (?:gem )?sources|locally installed gems)|Gem::MissingSpec/, 0.9, { runtime: 'ruby', label: 'Ruby gem or file missing' }],
  ['dotnet-assembly', /Could not load file or assembly '?([\w.]+)|DllNotFoundException|Unable to load shared library '([^']+)'|The framework '[^']+', version '[^']+' (?:\([^)]*\) )?was not found|You must install or update \.NET|libhostfxr\.so could not be found|required library libhostfxr/, 0.9, { runtime: 'dotnet', label: '.NET assembly or framework missing' }],
  ['php-extension', /PHP Startup: Unable to load dynamic library|Call to undefined function (?:mysqli_|mb_|curl_|gd|image|pg_|bc|sodium_|json_|simplexml_|xml|intl|zip_|redis|mongo)\w*|Failed opening required '[^']*vendor\/autoload\.php'|vendor\/autoload\.php[^\n]*(?:No such file|failed to open stream)|Class "?([\w\\]+)"? not found/i, 0.84, { runtime: 'php', label: 'PHP extension or package missing' }],
  ['beam-module', /\(module ([\w.]+) is not available\)|\*\* \(UndefinedFunctionError\)[^\n]*module [\w.]+ is not available|could not find application file: ([\w.]+)\.app|\{"no such file or directory","([\w-]+)\.app"\}/, 0.86, { runtime: 'generic', label: 'Erlang/Elixir module or application missing from the release' }],
  ['perl-module', /Can't locate (\S+\.pm) in @INC/, 0.9, { runtime: 'generic', label: 'Perl module missing' }],
  ['go-plugin', /plugin\.Open\([^)]*\): .*(?:cannot open shared object|realpath failed)/, 0.85, { runtime: 'go', label: 'Go plugin missing' }],
]);
