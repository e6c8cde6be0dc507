<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Notebook</name>
    <message>
        <source>The notebook pane&apos;s module (libberth_web.so) is missing or broken; reinstall Berth, or use Open in Browser. Tried: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui</name>
    <message>
        <source>Start Docker (sudo systemctl start docker) or Podman (systemctl --user start podman.socket).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the engine at %1 is running and responsive; restart it if it hangs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the engine listens at %1 and that no firewall is in the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add yourself to the group that owns %1 (sudo usermod -aG docker $USER, then log in again), or use rootless Podman.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the engine&apos;s certificates (DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another engine in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull %1 first (Images, Pull).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the list of containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the container %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the containers that use %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the log of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait longer: open %1 again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch it again; its notebook folder is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch it again with more memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch it again with more memory than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another port, or let the engine pick a free one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another notebook folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Berth on the machine of %1, or connect to it over SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Jupyter, move them into %1 (that is %2 on this machine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %2 out of %1 to a folder of yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it anyway (the files are lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it; update the NVIDIA driver if a program reports a PTX or JIT error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start it; if a program reports a PTX or JIT error, update the driver to %1 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To use this machine&apos;s NVIDIA GPU, use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1 (the CPU version).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1 (an older release built for a CUDA this driver runs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an nvidia/cuda image of CUDA %1 or older.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it on a machine with an NVIDIA GPU, or choose a CPU image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it on a machine with a newer NVIDIA GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the NVIDIA driver to its newest release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the NVIDIA driver to %1 or newer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the NVIDIA driver (restart the computer, or run sudo modprobe nvidia).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the NVIDIA Container Toolkit, run sudo nvidia-ctk runtime configure --runtime=docker, then restart Docker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Docker with the NVIDIA Container Toolkit for GPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch it without GPUs, on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 to see which images this driver runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull %1, then check it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 on the machine that runs the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a tag that names its CUDA version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the image&apos;s authors which CUDA it needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use another image, or ask its authors to fix NVIDIA_REQUIRE_CUDA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow it only if you trust the profile&apos;s author.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you wrote the profile, pin it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::ContainerModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::ContainersPage</name>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::EngineStatus</name>
    <message>
        <source>Looking for the engine...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (API %3) at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker %1 lets other machines on this network segment reach ports published on 127.0.0.1 (moby#45610), Jupyter&apos;s among them. Update Docker to 28 or later, or drop such traffic with: iptables -t raw -I PREROUTING ! -i lo -d 127.0.0.0/8 -j DROP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::EngineWatcher</name>
    <message>
        <source>The engine closed its event stream; asking again...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::EnvironmentModel</name>
    <message>
        <source>%1 CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::EnvironmentsPage</name>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Launch...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Re&amp;cord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;Profile...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No environments yet: launch one from an image (Launch..., Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready. Open it with Ctrl+O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be started to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1 and waiting for Jupyter...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record of %1 (what ran: image digest, CUDA, caps, mounts, engine) is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1 as a Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (*.berth.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is saved as the profile %2, its image pinned; open it with File &gt; Open Profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::GpusPage</name>
    <message>
        <source>NVIDIA driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the engine can pass GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for NVIDIA GPUs...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>NVIDIA driver %1, which runs CUDA %2 and older; %n GPU(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The NVIDIA driver is installed but not loaded. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No NVIDIA GPU on this machine: images run on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine can hand GPUs to containers: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine cannot hand GPUs to containers. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the engine can hand GPUs to containers is not known: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::ImageModel</name>
    <message>
        <source>runs on the GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a newer driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs driver %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs the NVIDIA Container Toolkit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs an NVIDIA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the NVIDIA driver is not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a newer GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused by the NVIDIA toolkit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: built or loaded here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>checking...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::ImagesPage</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pull...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull an Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image (for example python:3.12 or quay.io/jupyter/minimal-notebook:latest):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers being pulled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pull is under way; cancel it or wait for it to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pull of %1 was cancelled; the layers already down are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pull downloads %1 so far, about twice that once unpacked, and only %2 is free at %3. Cancel and free some space (remove images you no longer use), or go on and see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room for images: %1 free of %2 at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 layers, %3 of %4</source>
        <extracomment>A pull&apos;s progress bar: layers done of all, then bytes down of all.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the image %1 from the engine? Pulling it again downloads it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::LaunchDialog</name>
    <message>
        <source>No notebook folder (work is lost with the container)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch an Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image here, or any reference: quay.io/jupyter/minimal-notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can it run here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made from the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~/Documents/Berth/NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebook folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the notebook folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebook &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebook Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd Folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Folder for the Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory cap in GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 GiB, or half the memory cap (PyTorch&apos;s data loaders need it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared memory in MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shared memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These cards:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine has no NVIDIA GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPUs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY=VALUE, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port (on 127.0.0.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port on 127.0.0.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s last lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine has %1 GiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine has %1 CPUs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling the image...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the environment...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting it...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for Jupyter to answer... (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jupyter is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether it runs here...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launched without GPUs, it runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; has a &apos;:&apos; or ends in &apos;,create&apos;, which a mount cannot carry; rename it or choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the launch...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not launched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::ListPage</name>
    <message>
        <source>More actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 out of %2 into...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1 out of %2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n file(s) into %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files are copied into %1. Remove %2 now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept %1 and its files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::LogView</name>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the log (Enter: next)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container stopped; the log ends here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::MainWindow</name>
    <message>
        <source>Berth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth cannot reach the container engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth asks again every few seconds and comes back by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Profile...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Classroom Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (*.berth.json devcontainer.json .devcontainer.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notebooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Berth</source>
        <extracomment>The window&apos;s title: the view shown, then the app&apos;s name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file Berth can open: it does not exist, or is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch an environment?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No environment has %1 as its notebook folder. Launch one with that folder?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::NotebookPane</name>
    <message>
        <source>No notebook is open. Open one from Environments (Ctrl+O), or run berth FILE.ipynb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::NotebookTab</name>
    <message>
        <source>Waiting for Jupyter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s last lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for its Jupyter server to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notebook pane is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its container is gone from the engine. Launch it again from Environments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its Jupyter server is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its Jupyter server is not running. Your files in %1 are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::ProfileDialog</name>
    <message>
        <source>Profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 and checking it against this machine...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environments of the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the environment will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It asks for more of your computer than a notebook needs. Tick each only if you trust the profile&apos;s author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the profile asks you to allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of the commands run inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used; nothing of it was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not pinned: it may change under its name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: the launch pulls it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used when this machine can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(launched with GPUs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared memory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth&apos;s folder for it, in Documents/Berth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not met here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow %1: it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the launch...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not launched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::RemoveDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that would be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Files Out...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::ui::UsageChart</name>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU and memory over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a running environment to see its CPU and memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU and memory of %1, live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
