# bash completion for plaidwalk. For this shell: source <(plaidwalk completion bash)
# The words come from plaidwalk itself (plaidwalk __complete WORD... CURRENT), one a line,
# perhaps with a tab and a description bash does not show, and then ":N": when bit 4 of N
# is off and no word fits, file names are offered (after --save, for instance).
_plaidwalk() {
    local cur=${COMP_WORDS[COMP_CWORD]} line directive=0
    COMPREPLY=()
    while IFS= read -r line; do
        case $line in
        :[0-9]*) directive=${line#:} ;;
        *) COMPREPLY+=("${line%%$'\t'*}") ;;
        esac
    done < <(plaidwalk __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    if [[ ${#COMPREPLY[@]} -eq 0 && $((directive & 4)) -eq 0 ]]; then
        compopt -o filenames 2>/dev/null
        while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
    fi
}
complete -F _plaidwalk plaidwalk
