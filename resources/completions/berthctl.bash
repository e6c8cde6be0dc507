# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
# bash completion for berthctl: commands, options, and container, environment and image names asked of the
# engine (`berthctl complete`, at most 3 seconds, so a slow engine never holds up the prompt).

_berthctl_names() {
    timeout 3 berthctl "${_berthctl_engine[@]}" complete "$@" 2>/dev/null
}

_berthctl() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local cmd="" at=0 i
    _berthctl_engine=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -H | --host | -c | --context)
            _berthctl_engine+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}")
            ((i++))
            ;;
        -*) ;;
        *)
            if [[ -z $cmd ]]; then
                cmd=${COMP_WORDS[i]}
                at=$i
            fi
            ;;
        esac
    done
    case $prev in
    -H | --host | -c | --context | -n | --tail | -t | --time | -m | --memory | --cpus | -p | --port | \
        --shm-size | --gpus | -e | --env | --name | --timeout | --allow)
        return # a value of the person's own
        ;;
    --profile | -o | --output | --workspace)
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    esac
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$(_berthctl_names commands) --host --context --json --help --version" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_berthctl_names options "$cmd")" -- "$cur"))
        return
    fi
    local what=""
    case $cmd in
    logs | stop | rm | inspect | stats | exec | cp) what=containers ;;
    start | restart | token | open | record) what=environments ;;
    launch | pull | rmi | check) what=images ;;
    help) what=commands ;;
    profile)
        if ((COMP_CWORD == at + 1)); then
            COMPREPLY=($(compgen -W "validate show pin save" -- "$cur"))
        elif [[ ${COMP_WORDS[at + 1]} == save ]] && ((COMP_CWORD == at + 2)); then
            COMPREPLY=($(compgen -W "$(_berthctl_names environments)" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        return
        ;;
    bundle)
        if ((COMP_CWORD == at + 1)); then
            COMPREPLY=($(compgen -W "export import" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        return
        ;;
    esac
    [[ -n $what ]] && COMPREPLY=($(compgen -W "$(_berthctl_names "$what")" -- "$cur"))
}
complete -F _berthctl berthctl
