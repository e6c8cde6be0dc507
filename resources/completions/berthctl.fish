# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
# fish completion for berthctl: commands, options, and names asked of the engine (`berthctl complete`).
function __berthctl_command
    set -l tokens (commandline -opc)
    for t in $tokens[2..-1]
        if not string match -q -- '-*' $t
            echo $t
            return
        end
    end
end
function __berthctl_names
    timeout 3 berthctl complete $argv 2>/dev/null
end
complete -c berthctl -f
complete -c berthctl -n 'test -z (__berthctl_command)' -a '(__berthctl_names commands)'
complete -c berthctl -n 'contains -- (__berthctl_command) logs stop rm inspect stats exec cp' -a '(__berthctl_names containers)'
complete -c berthctl -n 'contains -- (__berthctl_command) start restart token open record' -a '(__berthctl_names environments)'
complete -c berthctl -n 'contains -- (__berthctl_command) launch pull rmi check' -a '(__berthctl_names images)'
complete -c berthctl -n 'test (__berthctl_command) = profile' -a 'validate show pin save'
complete -c berthctl -n 'test (__berthctl_command) = bundle' -a 'export import'
complete -c berthctl -n 'contains -- (__berthctl_command) profile bundle' -F
complete -c berthctl -s H -l host -x -d 'engine address'
complete -c berthctl -s c -l context -x -d 'docker context'
complete -c berthctl -l json -d 'machine-readable output'
