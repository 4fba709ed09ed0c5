# fish completion for plaidwalk: plaidwalk completion fish > ~/.config/fish/completions/plaidwalk.fish
# The words and their descriptions come from plaidwalk itself (plaidwalk __complete WORD...
# CURRENT): "word<tab>description" lines, as fish wants them, then ":N"; when bit 4 of N is
# off and no word fits, file names are offered (after --save, for instance).
function __plaidwalk_complete
    set -l args (commandline -opc) (commandline -ct)
    set -e args[1]
    set -l out (plaidwalk __complete $args 2>/dev/null)
    or return
    set -l directive (string replace ':' '' -- $out[-1])
    set -e out[-1]
    if set -q out[1]
        printf '%s\n' $out
    else if test (math "bitand($directive, 4)") -eq 0
        __fish_complete_path (commandline -ct)
    end
end
complete -c plaidwalk -f -a '(__plaidwalk_complete)'
