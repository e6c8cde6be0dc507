<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Notebook</name>
    <message>
        <source>The notebook pane&apos;s module (libberth_web.so) is missing or broken; reinstall Berth, or use Open in Browser. Tried: %1</source>
        <translation>笔记本窗格的模块（libberth_web.so）缺失或已损坏；请重新安装 Berth，或使用“在浏览器中打开”。已尝试：%1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>berth::ui</name>
    <message>
        <source>Start Docker (sudo systemctl start docker) or Podman (systemctl --user start podman.socket).</source>
        <translation>启动 Docker（sudo systemctl start docker）或 Podman（systemctl --user start podman.socket）。</translation>
    </message>
    <message>
        <source>Check that the engine at %1 is running and responsive; restart it if it hangs.</source>
        <translation>检查 %1 上的引擎是否正在运行并能正常响应；如果它卡住了，请重启它。</translation>
    </message>
    <message>
        <source>Check that the engine listens at %1 and that no firewall is in the way.</source>
        <translation>检查引擎是否在 %1 上监听，并确认没有防火墙阻挡。</translation>
    </message>
    <message>
        <source>Add yourself to the group that owns %1 (sudo usermod -aG docker $USER, then log in again), or use rootless Podman.</source>
        <translation>将自己加入拥有 %1 的用户组（sudo usermod -aG docker $USER，然后重新登录），或使用无 root 权限（rootless）的 Podman。</translation>
    </message>
    <message>
        <source>Check the engine&apos;s certificates (DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem).</source>
        <translation>检查引擎的证书（DOCKER_CERT_PATH：ca.pem、cert.pem、key.pem）。</translation>
    </message>
    <message>
        <source>Choose another engine in Settings.</source>
        <translation>在设置中选择其他引擎。</translation>
    </message>
    <message>
        <source>Pull %1 first (Images, Pull).</source>
        <translation>请先拉取 %1（镜像 &gt; 拉取）。</translation>
    </message>
    <message>
        <source>See the list of containers.</source>
        <translation>查看容器列表。</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>请换一个名称。</translation>
    </message>
    <message>
        <source>Remove the container %1.</source>
        <translation>移除容器 %1。</translation>
    </message>
    <message>
        <source>Stop %1.</source>
        <translation>停止 %1。</translation>
    </message>
    <message>
        <source>Remove the containers that use %1 first.</source>
        <translation>先移除使用 %1 的容器。</translation>
    </message>
    <message>
        <source>Open %1.</source>
        <translation>打开 %1。</translation>
    </message>
    <message>
        <source>Start %1 again.</source>
        <translation>重新启动 %1。</translation>
    </message>
    <message>
        <source>Look at the log of %1.</source>
        <translation>查看 %1 的日志。</translation>
    </message>
    <message>
        <source>Wait longer: open %1 again in a moment.</source>
        <translation>再等一会儿：稍后重新打开 %1。</translation>
    </message>
    <message>
        <source>Launch it again; its notebook folder is kept.</source>
        <translation>重新启动它；它的笔记本文件夹会保留。</translation>
    </message>
    <message>
        <source>Launch it again with more memory.</source>
        <translation>分配更多内存后重新启动它。</translation>
    </message>
    <message>
        <source>Launch it again with more memory than %1.</source>
        <translation>分配多于 %1 的内存后重新启动它。</translation>
    </message>
    <message>
        <source>Choose another port, or let the engine pick a free one.</source>
        <translation>请换一个端口，或让引擎自动选择空闲端口。</translation>
    </message>
    <message>
        <source>Choose another notebook folder.</source>
        <translation>请换一个笔记本文件夹。</translation>
    </message>
    <message>
        <source>Run Berth on the machine of %1, or connect to it over SSH.</source>
        <translation>在 %1 所在的机器上运行 Berth，或通过 SSH 连接到该机器。</translation>
    </message>
    <message>
        <source>In Jupyter, move them into %1 (that is %2 on this machine).</source>
        <translation>在 Jupyter 中将它们移到 %1（即本机上的 %2）。</translation>
    </message>
    <message>
        <source>Copy %2 out of %1 to a folder of yours.</source>
        <translation>将 %2 从 %1 中复制到你自己的文件夹。</translation>
    </message>
    <message>
        <source>Remove it anyway (the files are lost).</source>
        <translation>仍然移除（文件将会丢失）。</translation>
    </message>
    <message>
        <source>Nothing to change: start it.</source>
        <translation>无需更改：直接启动即可。</translation>
    </message>
    <message>
        <source>Start it; update the NVIDIA driver if a program reports a PTX or JIT error.</source>
        <translation>启动它；如果程序报告 PTX 或 JIT 错误，请更新 NVIDIA 驱动程序。</translation>
    </message>
    <message>
        <source>Start it; if a program reports a PTX or JIT error, update the driver to %1 or newer.</source>
        <translation>启动它；如果程序报告 PTX 或 JIT 错误，请将驱动程序更新到 %1 或更高版本。</translation>
    </message>
    <message>
        <source>To use this machine&apos;s NVIDIA GPU, use %1.</source>
        <translation>要使用本机的 NVIDIA GPU，请使用 %1。</translation>
    </message>
    <message>
        <source>Use %1 (the CPU version).</source>
        <translation>使用 %1（CPU 版本）。</translation>
    </message>
    <message>
        <source>Use %1 (an older release built for a CUDA this driver runs).</source>
        <translation>使用 %1（为此驱动程序所支持的 CUDA 构建的较早版本）。</translation>
    </message>
    <message>
        <source>Use an nvidia/cuda image of CUDA %1 or older.</source>
        <translation>使用 CUDA %1 或更早版本的 nvidia/cuda 镜像。</translation>
    </message>
    <message>
        <source>Run it on a machine with an NVIDIA GPU, or choose a CPU image.</source>
        <translation>在配有 NVIDIA GPU 的机器上运行它，或选择 CPU 镜像。</translation>
    </message>
    <message>
        <source>Run it on a machine with a newer NVIDIA GPU.</source>
        <translation>在配有更新型号 NVIDIA GPU 的机器上运行它。</translation>
    </message>
    <message>
        <source>Update the NVIDIA driver to its newest release.</source>
        <translation>将 NVIDIA 驱动程序更新到最新版本。</translation>
    </message>
    <message>
        <source>Update the NVIDIA driver to %1 or newer.</source>
        <translation>将 NVIDIA 驱动程序更新到 %1 或更高版本。</translation>
    </message>
    <message>
        <source>Load the NVIDIA driver (restart the computer, or run sudo modprobe nvidia).</source>
        <translation>加载 NVIDIA 驱动程序（重启计算机，或运行 sudo modprobe nvidia）。</translation>
    </message>
    <message>
        <source>Install the NVIDIA Container Toolkit, run sudo nvidia-ctk runtime configure --runtime=docker, then restart Docker.</source>
        <translation>安装 NVIDIA Container Toolkit，运行 sudo nvidia-ctk runtime configure --runtime=docker，然后重启 Docker。</translation>
    </message>
    <message>
        <source>Use Docker with the NVIDIA Container Toolkit for GPUs.</source>
        <translation>如需使用 GPU，请使用配有 NVIDIA Container Toolkit 的 Docker。</translation>
    </message>
    <message>
        <source>Launch it without GPUs, on the CPU.</source>
        <translation>不使用 GPU，在 CPU 上启动它。</translation>
    </message>
    <message>
        <source>Launch it anyway.</source>
        <translation>仍然启动。</translation>
    </message>
    <message>
        <source>Check %1 to see which images this driver runs.</source>
        <translation>查看 %1，了解此驱动程序能运行哪些镜像。</translation>
    </message>
    <message>
        <source>Pull %1, then check it again.</source>
        <translation>拉取 %1，然后重新检查。</translation>
    </message>
    <message>
        <source>Check %1 on the machine that runs the engine.</source>
        <translation>在运行引擎的机器上检查 %1。</translation>
    </message>
    <message>
        <source>Pick a tag that names its CUDA version.</source>
        <translation>选择一个标明 CUDA 版本的标签。</translation>
    </message>
    <message>
        <source>Ask the image&apos;s authors which CUDA it needs.</source>
        <translation>询问镜像的作者它需要哪个版本的 CUDA。</translation>
    </message>
    <message>
        <source>Use another image, or ask its authors to fix NVIDIA_REQUIRE_CUDA.</source>
        <translation>使用其他镜像，或请镜像作者修正 NVIDIA_REQUIRE_CUDA。</translation>
    </message>
    <message>
        <source>Allow it only if you trust the profile&apos;s author.</source>
        <translation>仅当你信任该配置文件的作者时才允许。</translation>
    </message>
    <message>
        <source>If you wrote the profile, pin it again.</source>
        <translation>如果该配置文件是你编写的，请重新固定它。</translation>
    </message>
</context>
<context>
    <name>berth::ui::ContainerModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态详情</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Berth environment</source>
        <translation>Berth 环境</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>berth::ui::ContainersPage</name>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Remove...</source>
        <translation>移除(&amp;R)...</translation>
    </message>
</context>
<context>
    <name>berth::ui::EngineStatus</name>
    <message>
        <source>Looking for the engine...</source>
        <translation>正在查找引擎...</translation>
    </message>
    <message>
        <source>%1 %2 (API %3) at %4</source>
        <translation>%1 %2（API %3），位于 %4</translation>
    </message>
    <message>
        <source>Docker %1 lets other machines on this network segment reach ports published on 127.0.0.1 (moby#45610), Jupyter&apos;s among them. Update Docker to 28 or later, or drop such traffic with: iptables -t raw -I PREROUTING ! -i lo -d 127.0.0.0/8 -j DROP</source>
        <translation>Docker %1 会让同一网段中的其他机器访问发布在 127.0.0.1 上的端口（moby#45610），其中包括 Jupyter 的端口。请将 Docker 更新到 28 或更高版本，或使用以下命令丢弃此类流量：iptables -t raw -I PREROUTING ! -i lo -d 127.0.0.0/8 -j DROP</translation>
    </message>
</context>
<context>
    <name>berth::ui::EngineWatcher</name>
    <message>
        <source>The engine closed its event stream; asking again...</source>
        <translation>引擎关闭了事件流；正在重新请求...</translation>
    </message>
</context>
<context>
    <name>berth::ui::EnvironmentModel</name>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 个 CPU</translation>
    </message>
    <message>
        <source>GPUs: %1</source>
        <translation>GPU：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Caps</source>
        <translation>限额</translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation>笔记本文件夹</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态详情</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
</context>
<context>
    <name>berth::ui::EnvironmentsPage</name>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>&amp;Launch...</source>
        <translation>启动(&amp;L)...</translation>
    </message>
    <message>
        <source>&amp;Open Notebook</source>
        <translation>打开笔记本(&amp;O)</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>在浏览器中打开(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Remove...</source>
        <translation>移除(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>日志(&amp;L)</translation>
    </message>
    <message>
        <source>Copy Re&amp;cord</source>
        <translation>复制记录(&amp;C)</translation>
    </message>
    <message>
        <source>Save as &amp;Profile...</source>
        <translation>另存为配置文件(&amp;P)...</translation>
    </message>
    <message>
        <source>No environments yet: launch one from an image (Launch..., Ctrl+N).</source>
        <translation>还没有环境：请从镜像启动一个（启动...，Ctrl+N）。</translation>
    </message>
    <message>
        <source>%1 is ready. Open it with Ctrl+O.</source>
        <translation>%1 已就绪。按 Ctrl+O 打开它。</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>正在打开 %1...</translation>
    </message>
    <message>
        <source>No browser could be started to open %1.</source>
        <translation>无法启动浏览器来打开 %1。</translation>
    </message>
    <message>
        <source>Opened %1 in the browser.</source>
        <translation>已在浏览器中打开 %1。</translation>
    </message>
    <message>
        <source>Starting %1 and waiting for Jupyter...</source>
        <translation>正在启动 %1 并等待 Jupyter...</translation>
    </message>
    <message>
        <source>%1 is ready at %2</source>
        <translation>%1 已就绪，地址为 %2</translation>
    </message>
    <message>
        <source>The record of %1 (what ran: image digest, CUDA, caps, mounts, engine) is on the clipboard.</source>
        <translation>%1 的记录（运行了什么：镜像摘要、CUDA、限额、挂载、引擎）已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Save %1 as a Profile</source>
        <translation>将 %1 另存为配置文件</translation>
    </message>
    <message>
        <source>Profiles (*.berth.json *.json)</source>
        <translation>配置文件 (*.berth.json *.json)</translation>
    </message>
    <message>
        <source>%1 is saved as the profile %2, its image pinned; open it with File &gt; Open Profile.</source>
        <translation>%1 已保存为配置文件 %2，其镜像已固定；可通过“文件 &gt; 打开配置文件”打开它。</translation>
    </message>
</context>
<context>
    <name>berth::ui::GpusPage</name>
    <message>
        <source>NVIDIA driver</source>
        <translation>NVIDIA 驱动程序</translation>
    </message>
    <message>
        <source>Whether the engine can pass GPUs</source>
        <translation>引擎能否向容器提供 GPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Compute capability</source>
        <translation>计算能力</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Memory in use</source>
        <translation>已用显存</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Looking for NVIDIA GPUs...</source>
        <translation>正在查找 NVIDIA GPU...</translation>
    </message>
    <message numerus="yes">
        <source>NVIDIA driver %1, which runs CUDA %2 and older; %n GPU(s).</source>
        <translation>
            <numerusform>NVIDIA 驱动程序 %1，支持 CUDA %2 及更早版本；共 %n 个 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>The NVIDIA driver is installed but not loaded. </source>
        <translation>NVIDIA 驱动程序已安装但未加载。</translation>
    </message>
    <message>
        <source>No NVIDIA GPU on this machine: images run on the CPU.</source>
        <translation>本机没有 NVIDIA GPU：镜像将在 CPU 上运行。</translation>
    </message>
    <message>
        <source>The engine can hand GPUs to containers: %1.</source>
        <translation>引擎可以将 GPU 提供给容器使用：%1。</translation>
    </message>
    <message>
        <source>The engine cannot hand GPUs to containers. </source>
        <translation>引擎无法将 GPU 提供给容器使用。</translation>
    </message>
    <message>
        <source>Whether the engine can hand GPUs to containers is not known: %1.</source>
        <translation>无法确定引擎能否将 GPU 提供给容器使用：%1。</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No NVIDIA GPU on %1: images run on the CPU.</source>
        <translation>%1 上没有 NVIDIA GPU：镜像在 CPU 上运行。</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>在 %1 上：%2</translation>
    </message>
    <message>
        <source>Berth could not ask %1 about its GPUs: %2</source>
        <translation>Berth 无法向 %1 询问其 GPU：%2</translation>
    </message>
</context>
<context>
    <name>berth::ui::ImageModel</name>
    <message>
        <source>runs on the GPU</source>
        <translation>可在 GPU 上运行</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>needs a newer driver</source>
        <translation>需要更新的驱动程序</translation>
    </message>
    <message>
        <source>needs driver %1</source>
        <translation>需要驱动程序 %1</translation>
    </message>
    <message>
        <source>needs the NVIDIA Container Toolkit</source>
        <translation>需要 NVIDIA Container Toolkit</translation>
    </message>
    <message>
        <source>needs an NVIDIA GPU</source>
        <translation>需要 NVIDIA GPU</translation>
    </message>
    <message>
        <source>the NVIDIA driver is not loaded</source>
        <translation>NVIDIA 驱动程序未加载</translation>
    </message>
    <message>
        <source>needs a newer GPU</source>
        <translation>需要更新型号的 GPU</translation>
    </message>
    <message>
        <source>refused by the NVIDIA toolkit</source>
        <translation>被 NVIDIA 工具包拒绝</translation>
    </message>
    <message>
        <source>cannot run here</source>
        <translation>无法在此运行</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>能否在本机运行</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>(none: built or loaded here)</source>
        <translation>（无：在本机构建或加载）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n 个容器</numerusform>
        </translation>
    </message>
    <message>
        <source>checking...</source>
        <translation>正在检查...</translation>
    </message>
</context>
<context>
    <name>berth::ui::ImagesPage</name>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Cancel Pull</source>
        <translation>取消拉取</translation>
    </message>
    <message>
        <source>&amp;Pull...</source>
        <translation>拉取(&amp;P)...</translation>
    </message>
    <message>
        <source>Pull an Image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>Image (for example python:3.12 or quay.io/jupyter/minimal-notebook:latest):</source>
        <translation>镜像（例如 python:3.12 或 quay.io/jupyter/minimal-notebook:latest）：</translation>
    </message>
    <message>
        <source>&amp;Remove...</source>
        <translation>移除(&amp;R)...</translation>
    </message>
    <message>
        <source>Pull progress</source>
        <translation>拉取进度</translation>
    </message>
    <message>
        <source>Layers being pulled</source>
        <translation>正在拉取的层</translation>
    </message>
    <message>
        <source>A pull is under way; cancel it or wait for it to end.</source>
        <translation>正在拉取镜像；请取消或等待其完成。</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>正在开始...</translation>
    </message>
    <message>
        <source>Pulling %1...</source>
        <translation>正在拉取 %1...</translation>
    </message>
    <message>
        <source>Pulled %1.</source>
        <translation>已拉取 %1。</translation>
    </message>
    <message>
        <source>The pull of %1 was cancelled; the layers already down are kept.</source>
        <translation>已取消拉取 %1；已下载的层会保留。</translation>
    </message>
    <message>
        <source>This pull downloads %1 so far, about twice that once unpacked, and only %2 is free at %3. Cancel and free some space (remove images you no longer use), or go on and see.</source>
        <translation>此次拉取目前需下载 %1，解压后约为其两倍，而 %3 上仅剩 %2 可用空间。请取消并释放一些空间（移除不再使用的镜像），或继续拉取看看。</translation>
    </message>
    <message>
        <source>Room for images: %1 free of %2 at %3.</source>
        <translation>镜像可用空间：%3 上共 %2，剩余 %1。</translation>
    </message>
    <message>
        <source>%1 of %2 layers, %3 of %4</source>
        <extracomment>A pull&apos;s progress bar: layers done of all, then bytes down of all.</extracomment>
        <translation>%1/%2 层，%3/%4</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>移除 %1？</translation>
    </message>
    <message>
        <source>Remove the image %1 from the engine? Pulling it again downloads it again.</source>
        <translation>要从引擎中移除镜像 %1 吗？再次拉取时需要重新下载。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已移除 %1。</translation>
    </message>
</context>
<context>
    <name>berth::ui::LaunchDialog</name>
    <message>
        <source>No notebook folder (work is lost with the container)</source>
        <translation>无笔记本文件夹（工作成果会随容器一起丢失）</translation>
    </message>
    <message>
        <source>Launch an Environment</source>
        <translation>启动环境</translation>
    </message>
    <message>
        <source>an image here, or any reference: quay.io/jupyter/minimal-notebook</source>
        <translation>本机上的镜像，或任意镜像引用：quay.io/jupyter/minimal-notebook</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>Can it run here</source>
        <translation>能否在此运行</translation>
    </message>
    <message>
        <source>made from the image</source>
        <translation>根据镜像名生成</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>~/Documents/Berth/NAME</source>
        <translation>~/Documents/Berth/NAME</translation>
    </message>
    <message>
        <source>Notebook folder</source>
        <translation>笔记本文件夹</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>选择(&amp;H)...</translation>
    </message>
    <message>
        <source>Choose the notebook folder</source>
        <translation>选择笔记本文件夹</translation>
    </message>
    <message>
        <source>Notebook &amp;folder:</source>
        <translation>笔记本文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Notebook Folder</source>
        <translation>笔记本文件夹</translation>
    </message>
    <message>
        <source>Host folder</source>
        <translation>主机文件夹</translation>
    </message>
    <message>
        <source>In the container</source>
        <translation>容器内路径</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Other folders</source>
        <translation>其他文件夹</translation>
    </message>
    <message>
        <source>A&amp;dd Folder...</source>
        <translation>添加文件夹(&amp;D)...</translation>
    </message>
    <message>
        <source>Re&amp;move Folder</source>
        <translation>移除文件夹(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Other folders:</source>
        <translation>其他文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>A Folder for the Container</source>
        <translation>为容器添加文件夹</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>不设限额</translation>
    </message>
    <message>
        <source>Memory cap in GiB</source>
        <translation>内存限额（GiB）</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>内存(&amp;M)：</translation>
    </message>
    <message>
        <source>CPU cap</source>
        <translation>CPU 限额</translation>
    </message>
    <message>
        <source>&amp;CPUs:</source>
        <translation>CPU(&amp;C)：</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>1 GiB, or half the memory cap (PyTorch&apos;s data loaders need it)</source>
        <translation>1 GiB，或内存限额的一半（PyTorch 的数据加载器需要）</translation>
    </message>
    <message>
        <source>Shared memory in MiB</source>
        <translation>共享内存（MiB）</translation>
    </message>
    <message>
        <source>&amp;Shared memory:</source>
        <translation>共享内存(&amp;S)：</translation>
    </message>
    <message>
        <source>None (CPU)</source>
        <translation>无（使用 CPU）</translation>
    </message>
    <message>
        <source>All GPUs</source>
        <translation>所有 GPU</translation>
    </message>
    <message>
        <source>These cards:</source>
        <translation>以下显卡：</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPU cards</source>
        <translation>GPU 显卡</translation>
    </message>
    <message>
        <source>GPU %1: %2</source>
        <translation>GPU %1：%2</translation>
    </message>
    <message>
        <source>This machine has no NVIDIA GPU.</source>
        <translation>本机没有 NVIDIA GPU。</translation>
    </message>
    <message>
        <source>&amp;GPUs:</source>
        <translation>GPU(&amp;G)：</translation>
    </message>
    <message>
        <source>KEY=VALUE, one a line</source>
        <translation>KEY=VALUE，每行一个</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation>变量(&amp;V)：</translation>
    </message>
    <message>
        <source>any free port (on 127.0.0.1)</source>
        <translation>任意空闲端口（在 127.0.0.1 上）</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1</source>
        <translation>127.0.0.1 上的端口</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Launch progress</source>
        <translation>启动进度</translation>
    </message>
    <message>
        <source>The container&apos;s last lines</source>
        <translation>容器的最后几行输出</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>启动(&amp;L)</translation>
    </message>
    <message>
        <source>The engine has %1 GiB.</source>
        <translation>引擎有 %1 GiB 内存。</translation>
    </message>
    <message>
        <source>The engine has %1 CPUs.</source>
        <translation>引擎有 %1 个 CPU。</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <source>Pulling the image...</source>
        <translation>正在拉取镜像...</translation>
    </message>
    <message>
        <source>Creating the environment...</source>
        <translation>正在创建环境...</translation>
    </message>
    <message>
        <source>Starting it...</source>
        <translation>正在启动...</translation>
    </message>
    <message>
        <source>Waiting for Jupyter to answer... (%1)</source>
        <translation>正在等待 Jupyter 响应...（%1）</translation>
    </message>
    <message>
        <source>Jupyter is ready.</source>
        <translation>Jupyter 已就绪。</translation>
    </message>
    <message>
        <source>Checking whether it runs here...</source>
        <translation>正在检查能否在此运行...</translation>
    </message>
    <message>
        <source>Launched without GPUs, it runs on the CPU.</source>
        <translation>已在不使用 GPU 的情况下启动，它将在 CPU 上运行。</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; has a &apos;:&apos; or ends in &apos;,create&apos;, which a mount cannot carry; rename it or choose another.</source>
        <translation>文件夹“%1”包含“:”或以“,create”结尾，无法用于挂载；请重命名或选择其他文件夹。</translation>
    </message>
    <message>
        <source>Starting the launch...</source>
        <translation>正在准备启动...</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Not launched.</source>
        <translation>未启动。</translation>
    </message>
    <message>
        <source>%1 is ready at %2</source>
        <translation>%1 已就绪，地址为 %2</translation>
    </message>
    <message>
        <source>~/Documents/Berth/NAME on %1</source>
        <translation>%1 上的 ~/Documents/Berth/NAME</translation>
    </message>
    <message>
        <source>The folders are on %1: type their paths there.</source>
        <translation>这些文件夹位于 %1：请输入它们在那里的路径。</translation>
    </message>
    <message>
        <source>This engine runs on %1: the notebook folder and the other folders are paths on %1, made there when missing. The notebook opens here through the same ssh connection.</source>
        <translation>此引擎运行在 %1 上：笔记本文件夹和其他文件夹都是 %1 上的路径，缺少时会在那里创建。笔记本通过同一个 ssh 连接在这里打开。</translation>
    </message>
</context>
<context>
    <name>berth::ui::ListPage</name>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>%1 actions</source>
        <translation>%1 的操作</translation>
    </message>
    <message>
        <source>Stopping %1...</source>
        <translation>正在停止 %1...</translation>
    </message>
    <message>
        <source>Stopped %1.</source>
        <translation>已停止 %1。</translation>
    </message>
    <message>
        <source>Copy %1 out of %2 into...</source>
        <translation>将 %1 从 %2 中复制到...</translation>
    </message>
    <message>
        <source>Copying %1 out of %2...</source>
        <translation>正在从 %2 中复制 %1...</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n file(s) into %1.</source>
        <translation>
            <numerusform>已将 %n 个文件复制到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>移除 %1？</translation>
    </message>
    <message>
        <source>The files are copied into %1. Remove %2 now?</source>
        <translation>文件已复制到 %1。现在移除 %2 吗？</translation>
    </message>
    <message>
        <source>Removing %1...</source>
        <translation>正在移除 %1...</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已移除 %1。</translation>
    </message>
    <message>
        <source>Kept %1 and its files.</source>
        <translation>已保留 %1 及其文件。</translation>
    </message>
</context>
<context>
    <name>berth::ui::LogView</name>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Log of %1</source>
        <translation>%1 的日志</translation>
    </message>
    <message>
        <source>Find in the log (Enter: next)</source>
        <translation>在日志中查找（Enter：下一个）</translation>
    </message>
    <message>
        <source>Find in the log</source>
        <translation>在日志中查找</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save...</source>
        <translation>保存(&amp;S)...</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>The container stopped; the log ends here.</source>
        <translation>容器已停止；日志到此结束。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not in the log.</source>
        <translation>日志中没有“%1”。</translation>
    </message>
    <message>
        <source>Save the Log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>berth::ui::MainWindow</name>
    <message>
        <source>Berth</source>
        <translation>Berth</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Berth cannot reach the container engine</source>
        <translation>Berth 无法连接到容器引擎</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>重试(&amp;A)</translation>
    </message>
    <message>
        <source>Berth asks again every few seconds and comes back by itself.</source>
        <translation>Berth 每隔几秒会自动重试，连接成功后会自动恢复。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Profile...</source>
        <translation>打开配置文件(&amp;P)...</translation>
    </message>
    <message>
        <source>Open a Classroom Profile</source>
        <translation>打开课堂配置文件</translation>
    </message>
    <message>
        <source>Profiles (*.berth.json devcontainer.json .devcontainer.json *.json)</source>
        <translation>配置文件 (*.berth.json devcontainer.json .devcontainer.json *.json)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Environments</source>
        <translation>环境(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>镜像(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation>容器(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;GPUs</source>
        <translation>GPU(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Notebooks</source>
        <translation>笔记本(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>引擎(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Check Again</source>
        <translation>重新检查(&amp;C)</translation>
    </message>
    <message>
        <source>%1 — Berth</source>
        <extracomment>The window&apos;s title: the view shown, then the app&apos;s name.</extracomment>
        <translation>%1 — Berth</translation>
    </message>
    <message>
        <source>%1 is not a file Berth can open: it does not exist, or is not a file.</source>
        <translation>%1 不是 Berth 能打开的文件：它不存在，或者不是文件。</translation>
    </message>
    <message>
        <source>Launch an environment?</source>
        <translation>要启动环境吗？</translation>
    </message>
    <message>
        <source>No environment has %1 as its notebook folder. Launch one with that folder?</source>
        <translation>没有以 %1 作为笔记本文件夹的环境。要用该文件夹启动一个吗？</translation>
    </message>
    <message>
        <source>&amp;Start Podman</source>
        <translation>启动 Podman(&amp;S)</translation>
    </message>
    <message>
        <source>Start Podman</source>
        <translation>启动 Podman</translation>
    </message>
    <message>
        <source>Starts your own Podman service, without root, and uses it</source>
        <translation>启动您自己的 Podman 服务（无需 root）并使用它</translation>
    </message>
    <message>
        <source>Start Podman &amp;whenever Berth starts</source>
        <translation>每次 Berth 启动时都启动 Podman(&amp;W)</translation>
    </message>
    <message>
        <source>Berth looked for Docker and Podman at: %1.</source>
        <translation>Berth 在以下位置查找了 Docker 和 Podman：%1。</translation>
    </message>
    <message>
        <source>Podman is installed: Berth can start your own Podman service, which runs as you (no root, no password) and listens at %1.</source>
        <translation>已安装 Podman：Berth 可以启动您自己的 Podman 服务，它以您的身份运行（无需 root，无需密码），监听 %1。</translation>
    </message>
    <message>
        <source>Neither Docker nor Podman is installed. Install Podman, which runs as you without root (sudo apt install podman), then start Berth again; or install Docker (sudo apt install docker.io).</source>
        <translation>Docker 和 Podman 都未安装。请安装 Podman（它以您的身份运行，无需 root：sudo apt install podman），然后重新启动 Berth；或者安装 Docker（sudo apt install docker.io）。</translation>
    </message>
    <message>
        <source>Docker is installed: start it with sudo systemctl start docker. To use it without sudo, an administrator adds you to the docker group (sudo usermod -aG docker $USER, then log in again). Membership of that group is as good as root on this computer, so Berth never does it for you.</source>
        <translation>已安装 Docker：请用 sudo systemctl start docker 启动它。若要不用 sudo 使用它，需由管理员把您加入 docker 组（sudo usermod -aG docker $USER，然后重新登录）。该组成员身份等同于这台计算机的 root 权限，因此 Berth 从不替您这样做。</translation>
    </message>
    <message>
        <source>Starting Podman...</source>
        <translation>正在启动 Podman...</translation>
    </message>
    <message>
        <source>Podman is running; connecting...</source>
        <translation>Podman 正在运行；正在连接...</translation>
    </message>
    <message>
        <source>Open &amp;Another Engine...</source>
        <translation>打开另一个引擎(&amp;A)...</translation>
    </message>
    <message>
        <source>Open Another Engine</source>
        <translation>打开另一个引擎</translation>
    </message>
    <message>
        <source>Engine address: ssh://[user@]host[:port][/socket] for another machine (your ssh keys and ~/.ssh/config are used), unix:///path, or tcp://host:port.</source>
        <translation>引擎地址：另一台机器用 ssh://[user@]host[:port][/socket]（使用您的 ssh 密钥和 ~/.ssh/config），或 unix:///path、tcp://host:port。</translation>
    </message>
    <message>
        <source>%1 — %2 — Berth</source>
        <extracomment>The window&apos;s title for an engine on another machine: the view, the engine, then the app&apos;s name.</extracomment>
        <translation>%1 — %2 — Berth</translation>
    </message>
</context>
<context>
    <name>berth::ui::NotebookPane</name>
    <message>
        <source>No notebook is open. Open one from Environments (Ctrl+O), or run berth FILE.ipynb.</source>
        <translation>没有打开的笔记本。请从“环境”中打开一个（Ctrl+O），或运行 berth FILE.ipynb。</translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>打印...</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>在浏览器中打开</translation>
    </message>
</context>
<context>
    <name>berth::ui::NotebookTab</name>
    <message>
        <source>Waiting for Jupyter</source>
        <translation>正在等待 Jupyter</translation>
    </message>
    <message>
        <source>The container&apos;s last lines</source>
        <translation>容器的最后几行输出</translation>
    </message>
    <message>
        <source>&amp;Start Again</source>
        <translation>重新启动(&amp;S)</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>正在打开 %1...</translation>
    </message>
    <message>
        <source>Waiting for its Jupyter server to answer.</source>
        <translation>正在等待它的 Jupyter 服务器响应。</translation>
    </message>
    <message>
        <source>%1 could not be opened</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>The notebook pane is not available</source>
        <translation>笔记本窗格不可用</translation>
    </message>
    <message>
        <source>%1 was removed</source>
        <translation>%1 已被移除</translation>
    </message>
    <message>
        <source>Its container is gone from the engine. Launch it again from Environments.</source>
        <translation>它的容器已不在引擎中。请从“环境”中重新启动它。</translation>
    </message>
    <message>
        <source>%1 stopped unexpectedly</source>
        <translation>%1 意外停止</translation>
    </message>
    <message>
        <source>%1 has stopped</source>
        <translation>%1 已停止</translation>
    </message>
    <message>
        <source>Its Jupyter server is not running.</source>
        <translation>它的 Jupyter 服务器没有运行。</translation>
    </message>
    <message>
        <source>Its Jupyter server is not running. Your files in %1 are kept.</source>
        <translation>它的 Jupyter 服务器没有运行。你在 %1 中的文件会保留。</translation>
    </message>
    <message>
        <source>No browser could be started.</source>
        <translation>无法启动浏览器。</translation>
    </message>
</context>
<context>
    <name>berth::ui::ProfileDialog</name>
    <message>
        <source>Profile %1</source>
        <translation>配置文件 %1</translation>
    </message>
    <message>
        <source>Reading %1 and checking it against this machine...</source>
        <translation>正在读取 %1 并对照本机进行检查...</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Environments of the profile</source>
        <translation>配置文件中的环境</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>What it does here</source>
        <translation>在本机上的效果</translation>
    </message>
    <message>
        <source>What the environment will do</source>
        <translation>该环境将执行的操作</translation>
    </message>
    <message>
        <source>It asks for more of your computer than a notebook needs. Tick each only if you trust the profile&apos;s author:</source>
        <translation>它向你的计算机索取的权限超出了笔记本所需。仅当你信任配置文件的作者时，才勾选各项：</translation>
    </message>
    <message>
        <source>What the profile asks you to allow</source>
        <translation>配置文件请求你允许的内容</translation>
    </message>
    <message>
        <source>Launch phase</source>
        <translation>启动阶段</translation>
    </message>
    <message>
        <source>Launch progress</source>
        <translation>启动进度</translation>
    </message>
    <message>
        <source>Output of the commands run inside</source>
        <translation>在容器内运行的命令的输出</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>启动(&amp;L)</translation>
    </message>
    <message>
        <source>%1 cannot be used; nothing of it was applied.</source>
        <translation>%1 无法使用；其中的任何内容都未被应用。</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1，作者：%2</translation>
    </message>
    <message>
        <source>(not pinned: it may change under its name)</source>
        <translation>（未固定：同一名称下的内容可能会变化）</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>On this engine</source>
        <translation>在此引擎上</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No: the launch pulls it</source>
        <translation>否：启动时会拉取</translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>GPU verdict</source>
        <translation>GPU 判断</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Used when this machine can</source>
        <translation>本机支持时使用</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未要求</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>(launched with GPUs)</source>
        <translation>（已使用 GPU 启动）</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>内存 %1</translation>
    </message>
    <message>
        <source>%1 CPUs</source>
        <translation>%1 个 CPU</translation>
    </message>
    <message>
        <source>shared memory %1</source>
        <translation>共享内存 %1</translation>
    </message>
    <message>
        <source>Caps</source>
        <translation>限额</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Notebooks</source>
        <translation>笔记本文件夹</translation>
    </message>
    <message>
        <source>Berth&apos;s folder for it, in Documents/Berth</source>
        <translation>Berth 为它创建的文件夹，位于 Documents/Berth 中</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Runs inside</source>
        <translation>在容器内运行</translation>
    </message>
    <message>
        <source>Opens first</source>
        <translation>首先打开</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Not met here</source>
        <translation>本机不满足</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Allow %1: it %2</source>
        <translation>允许 %1（影响：%2）</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <source>Starting the launch...</source>
        <translation>正在准备启动...</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Not launched.</source>
        <translation>未启动。</translation>
    </message>
    <message>
        <source>%1 is ready.</source>
        <translation>%1 已就绪。</translation>
    </message>
</context>
<context>
    <name>berth::ui::RemoveDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>移除 %1？</translation>
    </message>
    <message>
        <source>Files that would be lost</source>
        <translation>将会丢失的文件</translation>
    </message>
    <message>
        <source>&amp;Keep It</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Copy Files Out...</source>
        <translation>将文件复制出来(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Remove Anyway</source>
        <translation>仍然移除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>berth::ui::UsageChart</name>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>内存（MiB）</translation>
    </message>
    <message>
        <source>CPU and memory over time</source>
        <translation>CPU 和内存随时间的变化</translation>
    </message>
    <message>
        <source>Select a running environment to see its CPU and memory.</source>
        <translation>选择一个正在运行的环境以查看其 CPU 和内存。</translation>
    </message>
    <message>
        <source>CPU and memory of %1, live</source>
        <translation>%1 的 CPU 和内存（实时）</translation>
    </message>
</context>
</TS>
