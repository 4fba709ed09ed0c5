#compdef plaidwalk
# zsh completion for plaidwalk. With compinit: plaidwalk completion zsh > "${fpath[1]}/_plaidwalk";
# for this shell only: source <(plaidwalk completion zsh)
# The words and their descriptions come from plaidwalk itself (plaidwalk __complete WORD...
# CURRENT): "word<tab>description" lines, then ":N"; when bit 4 of N is off and no word fits,
# file names are offered (after --save, for instance).
_plaidwalk() {
    local -a out described
    local line directive=0
    out=("${(@f)$(plaidwalk __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
    for line in "${out[@]}"; do
        case $line in
        (:<->) directive=${line#:} ;;
        (*$'\t'*) described+=("${${line%%$'\t'*}//:/\\:}:${line#*$'\t'}") ;;
        (?*) described+=("${line//:/\\:}") ;;
        esac
    done
    if (( ${#described} )); then
        _describe -t plaidwalk plaidwalk described
    elif (( ! (directive & 4) )); then
        _files
    fi
}
# Loaded from fpath the file is _plaidwalk's body; sourced, it registers the function.
if [[ $funcstack[1] == _plaidwalk ]]; then _plaidwalk "$@"; else compdef _plaidwalk plaidwalk; fi
