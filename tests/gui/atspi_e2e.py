#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Berth developers
#
# Berth driven the way a screen reader drives it: through AT-SPI, on the real engine, under Xvfb and a D-Bus
# session of its own (tests/gui/CMakeLists.txt runs it in dbus-run-session). Every button has a name; the side
# bar's views are reached; a container made by another tool appears in the Containers table and goes; Stop is
# pressed through AT-SPI and the engine sees the container stop; the launch form's fields are named.
#   atspi_e2e.py BERTH DOCKER_CLI
import os
import subprocess
import sys
import time
import uuid

import pyatspi

berth, docker = sys.argv[1], sys.argv[2]
label = "berth.test=atspi-" + uuid.uuid4().hex[:12]
name = "berth-t-atspi-" + uuid.uuid4().hex[:12]
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def wait(predicate, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if predicate():
                check(True, what)
                return True
        except Exception:  # the tree changes under us while rows come and go
            pass
        time.sleep(0.2)
    check(False, what)
    return False


def find(root, role, name=None):
    return pyatspi.findDescendant(
        root, lambda n: n is not None and n.getRoleName() == role and (name is None or n.name == name), True)


def find_all(root, role):
    return pyatspi.findAllDescendants(root, lambda n: n is not None and n.getRoleName() == role)


def press(button):
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("Press", "press", "click"):
            action.doAction(i)
            return
    action.doAction(0)


def cells(table):
    return [c.name for c in find_all(table, "table cell")]


def docker_run(*args):
    return subprocess.run([docker, *args], check=True, capture_output=True, text=True).stdout.strip()


# The at-spi bus of this D-Bus session, then the app with accessibility on (as a screen reader would have it).
bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
time.sleep(1)
env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
app_process = subprocess.Popen([berth], env=env)
try:
    app = None
    deadline = time.time() + 30
    while app is None and time.time() < deadline:
        for a in pyatspi.Registry.getDesktop(0):
            if a is not None and a.name == "Berth":
                app = a
        time.sleep(0.3)
    check(app is not None, "Berth is on the accessibility bus")
    if app is None:
        sys.exit(1)
    frame = pyatspi.findDescendant(app, lambda n: n is not None and n.getRoleName() == "frame" and n.name.endswith("Berth"), True)
    views = find(frame, "list", "Views")
    check(views is not None, "the side bar is a list named Views")
    names = [views.getChildAtIndex(i).name for i in range(views.childCount)]
    check(names == ["Environments", "Images", "Containers", "GPUs", "Notebooks"], "the views are " + ", ".join(names))
    unnamed = [b for b in find_all(frame, "push button") if not b.name]
    check(not unnamed, "every push button has a name (%d without: %s)" %
          (len(unnamed), ", ".join(b.parent.name for b in unnamed)))

    # Containers: one made by another tool appears.
    views.getChildAtIndex(2).queryAction().doAction(0)  # "Toggle": selects it, as a screen reader does
    table = find(frame, "table", "Containers")
    check(table is not None, "the Containers table is there")
    container = docker_run("run", "-d", "--label", label, "--name", name, "berth-test/notebook:6", "sleep", "300")
    wait(lambda: name in cells(table), 10, "a container started by the docker CLI appears in the table")
    row = cells(table).index(name) // table.queryTable().nColumns
    table.queryTable().addRowSelection(row)
    toolbar = find(frame, "tool bar", "Containers actions")
    stop = find(toolbar, "push button", "Stop")
    wait(lambda: stop.getState().contains(pyatspi.STATE_ENABLED), 5, "Stop is enabled for the selected row")
    press(stop)
    wait(lambda: docker_run("inspect", "-f", "{{.State.Status}}", container) == "exited", 40,
         "Stop pressed through AT-SPI stops the container")
    wait(lambda: "exited" in cells(table), 10, "the table says it exited")
    docker_run("rm", "-f", container)
    wait(lambda: name not in cells(table), 10, "removed by the docker CLI, it leaves the table")

    # The launch form: every field a screen reader lands on says what it is.
    views.getChildAtIndex(0).queryAction().doAction(0)
    tools = find(frame, "tool bar", "Environments actions")
    launch = find(tools, "push button", "Launch")
    check(launch is not None, "Environments has Launch (its buttons: %s)" %
          ", ".join(b.name for b in find_all(tools, "push button")))
    if launch is None:
        sys.exit(1)
    press(launch)
    form = None
    deadline = time.time() + 10
    while form is None and time.time() < deadline:
        form = find(app, "dialog", "Launch an Environment")
        time.sleep(0.2)
    check(form is not None, "the launch form opens")
    if form is not None:
        def spoken(n):
            # On Linux Qt names a combo box by its text and labels it through a relation, as Orca reads it.
            names = [n.name]
            for r in n.getRelationSet():
                if r.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                    names += [r.getTarget(i).name.rstrip(":").replace("&", "") for i in range(r.getNTargets())]
            return names
        fields = {}
        for n in pyatspi.findAllDescendants(form, lambda n: n is not None and n.getRoleName() in
                                            ("spin button", "combo box", "text", "table", "list")):
            for said in spoken(n):
                fields[said] = n.getRoleName()
        for want in ["Image", "Name", "Notebook folder", "Memory cap in GiB", "CPU cap", "Shared memory in MiB",
                     "GPUs", "Environment variables", "Port on 127.0.0.1"]:
            check(want in fields, "the launch form has a field named %s (%s)" % (want, fields.get(want, sorted(fields))))
        press(find(form, "push button", "Cancel"))
        wait(lambda: find(app, "dialog", "Launch an Environment") is None, 5, "Cancel closes the form")
finally:
    subprocess.run([docker, "rm", "-f", name], capture_output=True)
    app_process.terminate()
    try:
        app_process.wait(10)
    except subprocess.TimeoutExpired:
        app_process.kill()
    bus.terminate()

print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
