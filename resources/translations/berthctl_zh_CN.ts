<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>berth::cli</name>
    <message>
        <source>Show the engine: version, API, CPUs, memory, runtimes</source>
        <translation>显示引擎信息：版本、API、CPU、内存、运行时</translation>
    </message>
    <message>
        <source>List the images on the engine</source>
        <translation>列出引擎上的镜像</translation>
    </message>
    <message>
        <source>List running containers</source>
        <translation>列出正在运行的容器</translation>
    </message>
    <message>
        <source>also stopped ones</source>
        <translation>也列出已停止的容器</translation>
    </message>
    <message>
        <source>only the ids</source>
        <translation>只显示 ID</translation>
    </message>
    <message>
        <source>Pull an image, with progress</source>
        <translation>拉取镜像并显示进度</translation>
    </message>
    <message>
        <source>Print a container&apos;s log</source>
        <translation>输出容器的日志</translation>
    </message>
    <message>
        <source>keep printing new lines until Ctrl-C or the container stops</source>
        <translation>持续输出新的日志行，直到按下 Ctrl-C 或容器停止</translation>
    </message>
    <message>
        <source>only the last N lines</source>
        <translation>只显示最后 N 行</translation>
    </message>
    <message>
        <source>prefix each line with its time</source>
        <translation>在每行前加上时间</translation>
    </message>
    <message>
        <source>Stop containers gracefully</source>
        <translation>正常停止容器</translation>
    </message>
    <message>
        <source>seconds to wait before killing it (default 30 for a Berth environment, 10 otherwise)</source>
        <translation>强制结束前等待的秒数（Berth 环境默认 30，其他默认 10）</translation>
    </message>
    <message>
        <source>Start stopped environments again (token, folder and caps kept) and wait for Jupyter</source>
        <translation>重新启动已停止的环境（保留令牌、文件夹和资源上限）并等待 Jupyter 就绪</translation>
    </message>
    <message>
        <source>seconds to wait for Jupyter (default 180)</source>
        <translation>等待 Jupyter 的秒数（默认 180）</translation>
    </message>
    <message>
        <source>return once started</source>
        <translation>启动后立即返回</translation>
    </message>
    <message>
        <source>Stop, then start again and wait for Jupyter</source>
        <translation>先停止，再重新启动并等待 Jupyter 就绪</translation>
    </message>
    <message>
        <source>Remove containers; refuses when user files would be lost</source>
        <translation>删除容器；若会丢失用户文件则拒绝删除</translation>
    </message>
    <message>
        <source>remove it even while it runs or when files would be lost</source>
        <translation>即使容器仍在运行或会丢失文件也删除</translation>
    </message>
    <message>
        <source>Start a Jupyter environment and wait until it answers</source>
        <translation>启动 Jupyter 环境并等待其响应</translation>
    </message>
    <message>
        <source>a classroom profile (devcontainer.json); IMAGE, if given, replaces its image</source>
        <translation>课堂配置文件（devcontainer.json）；若给出 IMAGE，则替换其中的镜像</translation>
    </message>
    <message>
        <source>with --profile: grant what it asks beyond a notebook&apos;s needs, by the name berthctl profile show gives (repeatable): privileged, cap-add=NAME, device=PATH, network=host...</source>
        <translation>与 --profile 一起使用：授予配置文件在笔记本所需之外请求的权限，名称见 berthctl profile show（可重复）：privileged、cap-add=NAME、device=PATH、network=host...</translation>
    </message>
    <message>
        <source>the environment&apos;s name (default: from the image, or the profile&apos;s environment)</source>
        <translation>环境名称（默认：取自镜像名，或配置文件中的环境）</translation>
    </message>
    <message>
        <source>a host folder in the container (repeatable); HOST must exist unless ,create</source>
        <translation>挂载到容器中的主机文件夹（可重复）；除非加上 ,create，否则 HOST 必须已存在</translation>
    </message>
    <message>
        <source>host folder for notebooks (default: ~/Documents/Berth/NAME)</source>
        <translation>存放笔记本的主机文件夹（默认：~/Documents/Berth/NAME）</translation>
    </message>
    <message>
        <source>mount no notebook folder (work is lost with the container)</source>
        <translation>不挂载笔记本文件夹（删除容器时工作成果随之丢失）</translation>
    </message>
    <message>
        <source>memory cap: 512m, 4g, 1.5GiB</source>
        <translation>内存上限：512m、4g、1.5GiB</translation>
    </message>
    <message>
        <source>CPU cap: 2, 0.5 (0.01 at least)</source>
        <translation>CPU 上限：2、0.5（至少 0.01）</translation>
    </message>
    <message>
        <source>Jupyter&apos;s port on 127.0.0.1 (default: a free one the engine picks)</source>
        <translation>Jupyter 在 127.0.0.1 上的端口（默认：由引擎选择空闲端口）</translation>
    </message>
    <message>
        <source>shared memory (default 1g, or half a smaller memory cap)</source>
        <translation>共享内存（默认 1g，内存上限较小时取其一半）</translation>
    </message>
    <message>
        <source>all, none, a count (2), or device=0,1 / GPU-&lt;uuid&gt;</source>
        <translation>all、none、数量（2），或 device=0,1 / GPU-&lt;uuid&gt;</translation>
    </message>
    <message>
        <source>a variable in the container (repeatable); with --profile, --env NAME picks one of its environments</source>
        <translation>容器中的环境变量（可重复）；与 --profile 一起使用时，--env NAME 选择其中的一个环境</translation>
    </message>
    <message>
        <source>return once started, without waiting for Jupyter</source>
        <translation>启动后立即返回，不等待 Jupyter</translation>
    </message>
    <message>
        <source>print the token too</source>
        <translation>同时输出令牌</translation>
    </message>
    <message>
        <source>launch a GPU request even when berthctl check says it cannot run here</source>
        <translation>即使 berthctl check 判定无法在此运行，也按 GPU 请求启动</translation>
    </message>
    <message>
        <source>A classroom profile (devcontainer.json, or a folder with .devcontainer/): validate it; show what each environment will do here, with its GPU verdict and warnings; pin its images to the local digests; save a running environment as a new profile, pinned</source>
        <translation>课堂配置文件（devcontainer.json，或含 .devcontainer/ 的文件夹）：校验；显示每个环境在本机将做什么，附 GPU 结论和警告；把其中的镜像固定到本地摘要；把正在运行的环境保存为新的配置文件（已固定）</translation>
    </message>
    <message>
        <source>pin: say what would change, write nothing</source>
        <translation>pin：只说明会改动什么，不写入任何内容</translation>
    </message>
    <message>
        <source>An offline bundle: a profile and its images in one file (export), loaded into any engine with every image&apos;s ID checked, the profile written to DIR (import; default: a folder named after the bundle)</source>
        <translation>离线包：把配置文件及其镜像打包成一个文件（export）；加载到任意引擎时逐一校验每个镜像的 ID，并把配置文件写入 DIR（import；默认：以离线包命名的文件夹）</translation>
    </message>
    <message>
        <source>export: the bundle to write (never over an existing file)</source>
        <translation>export：要写入的离线包（不会覆盖已有文件）</translation>
    </message>
    <message>
        <source>Print an environment&apos;s Jupyter token</source>
        <translation>输出环境的 Jupyter 令牌</translation>
    </message>
    <message>
        <source>Print an environment&apos;s URL, or open it in the browser</source>
        <translation>输出环境的 URL，或在浏览器中打开</translation>
    </message>
    <message>
        <source>open it in the browser, logged in</source>
        <translation>在浏览器中打开并自动登录</translation>
    </message>
    <message>
        <source>What ran: image digest, CUDA, driver, GPUs, caps, mounts, Jupyter</source>
        <translation>运行记录：镜像摘要、CUDA、驱动、GPU、资源上限、挂载、Jupyter</translation>
    </message>
    <message>
        <source>Show this machine&apos;s NVIDIA GPUs, driver and CUDA, and whether the engine can pass GPUs</source>
        <translation>显示本机的 NVIDIA GPU、驱动和 CUDA，以及引擎能否向容器提供 GPU</translation>
    </message>
    <message>
        <source>Say whether IMAGE can run here, before any pull (exit 0: runs on the GPU or is a CPU image; 3: cannot run here; 4: unknown; 1: failure such as the engine down; 2: bad usage)</source>
        <translation>在拉取之前判断 IMAGE 能否在此运行（退出码 0：可在 GPU 上运行或为 CPU 镜像；3：无法在此运行；4：未知；1：失败，如引擎未运行；2：用法错误）</translation>
    </message>
    <message>
        <source>Print the engine&apos;s own JSON of a container (else of an image)</source>
        <translation>输出引擎给出的容器 JSON（找不到容器时输出镜像的）</translation>
    </message>
    <message>
        <source>Remove images</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>untag it even when a container uses it</source>
        <translation>即使有容器在使用也移除其标签</translation>
    </message>
    <message>
        <source>Show a container&apos;s CPU, memory, network and PIDs until Ctrl-C</source>
        <translation>持续显示容器的 CPU、内存、网络和进程数，直到按下 Ctrl-C</translation>
    </message>
    <message>
        <source>one sample, then exit</source>
        <translation>只采样一次后退出</translation>
    </message>
    <message>
        <source>Run a command in a running container; its exit code is berthctl&apos;s</source>
        <translation>在运行中的容器里执行命令；其退出码即 berthctl 的退出码</translation>
    </message>
    <message>
        <source>seconds the command may take (default 300)</source>
        <translation>命令最多可运行的秒数（默认 300）</translation>
    </message>
    <message>
        <source>Follow the engine&apos;s events until Ctrl-C</source>
        <translation>持续跟踪引擎事件，直到按下 Ctrl-C</translation>
    </message>
    <message>
        <source>only these (repeatable): type=container, label=berth.env, container=NAME...</source>
        <translation>只显示这些事件（可重复）：type=container、label=berth.env、container=NAME...</translation>
    </message>
    <message>
        <source>Copy files out of a container (running or stopped) into a folder</source>
        <translation>把文件从容器（运行中或已停止）复制到文件夹</translation>
    </message>
    <message>
        <source>Names for shell completion, one a line (the completions in resources/completions call it); nothing when the engine does not answer</source>
        <translation>供 shell 补全使用的名称，每行一个（由 resources/completions 中的补全脚本调用）；引擎无响应时不输出任何内容</translation>
    </message>
    <message>
        <source>Show help for berthctl or a command</source>
        <translation>显示 berthctl 或某个命令的帮助</translation>
    </message>
    <message>
        <source>the whole manual as a man page (troff), as berthctl(1) is built from it</source>
        <translation>以 man 手册页（troff）输出完整手册，berthctl(1) 即由此生成</translation>
    </message>
    <message>
        <source>Show Berth&apos;s version</source>
        <translation>显示 Berth 的版本</translation>
    </message>
    <message>
        <source> Did you mean &apos;%1&apos;?</source>
        <translation>您是想输入“%1”吗？</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>Containerized AI environments on a Docker or Podman engine.</source>
        <translation>在 Docker 或 Podman 引擎上运行的容器化 AI 环境。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Options for every command:</source>
        <translation>所有命令通用的选项：</translation>
    </message>
    <message>
        <source>engine address: unix:///path/to/socket or tcp://host:port
(default: DOCKER_HOST, else the docker context, else Docker&apos;s or
Podman&apos;s usual socket)</source>
        <translation>引擎地址：unix:///path/to/socket 或 tcp://host:port
（默认：DOCKER_HOST，其次是 docker 上下文，
再次是 Docker 或 Podman 的常用套接字）</translation>
    </message>
    <message>
        <source>use a docker context (docker context ls)</source>
        <translation>使用 docker 上下文（docker context ls）</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>机器可读的输出</translation>
    </message>
    <message>
        <source>help for berthctl or a command</source>
        <translation>berthctl 或某个命令的帮助</translation>
    </message>
    <message>
        <source>print Berth&apos;s version</source>
        <translation>输出 Berth 的版本</translation>
    </message>
    <message>
        <source>Exit codes: 0 success, 1 failure (one line on stderr says why), 2 bad usage, 130 interrupted.</source>
        <translation>退出码：0 成功，1 失败（stderr 上有一行说明原因），2 用法错误，130 被中断。</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Run &apos;berthctl %1 --help&apos; for its usage.</source>
        <translation>运行“berthctl %1 --help”查看其用法。</translation>
    </message>
    <message>
        <source>Run &apos;berthctl --help&apos; for usage.</source>
        <translation>运行“berthctl --help”查看用法。</translation>
    </message>
    <message>
        <source>--context needs the name of a docker context (docker context ls)</source>
        <translation>--context 需要一个 docker 上下文名称（docker context ls）</translation>
    </message>
    <message>
        <source>--host needs an address, like unix:///var/run/docker.sock or tcp://host:2375</source>
        <translation>--host 需要一个地址，例如 unix:///var/run/docker.sock 或 tcp://host:2375</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; for %2.</source>
        <translation>%2 没有选项“%1”。</translation>
    </message>
    <message>
        <source>--%1 needs a value</source>
        <translation>--%1 需要一个值</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;</source>
        <translation>未知选项“%1”</translation>
    </message>
    <message>
        <source>no command &apos;%1&apos;</source>
        <translation>没有命令“%1”</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 需要 %2</translation>
    </message>
    <message>
        <source>too many arguments for %1</source>
        <translation>%1 的参数过多</translation>
    </message>
    <message>
        <source>internal error (%1); please report it.</source>
        <translation>内部错误（%1），请报告此问题。</translation>
    </message>
    <message>
        <source>Docker %1 lets other machines on this network segment reach ports published on 127.0.0.1 (moby#45610), Jupyter&apos;s among them. Update Docker to 28 or later, or drop such traffic: iptables -t raw -I PREROUTING ! -i lo -d 127.0.0.0/8 -j DROP</source>
        <translation>Docker %1 允许同一网段的其他机器访问发布在 127.0.0.1 上的端口（moby#45610），其中包括 Jupyter 的端口。请把 Docker 升级到 28 或更高版本，或丢弃此类流量：iptables -t raw -I PREROUTING ! -i lo -d 127.0.0.0/8 -j DROP</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>引擎：</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API：</translation>
    </message>
    <message>
        <source>%1 (engine serves %2 to %3)</source>
        <translation>%1（引擎支持 %2 至 %3）</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>%1, %2, kernel %3</source>
        <translation>%1，%2，内核 %3</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Cgroup:</source>
        <translation>Cgroup：</translation>
    </message>
    <message>
        <source>Runtimes:</source>
        <translation>运行时：</translation>
    </message>
    <message>
        <source>%1 (default %2)</source>
        <translation>%1（默认 %2）</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <source>%1 (%2 running)</source>
        <translation>%1（%2 个正在运行）</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>CONTAINER ID</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>运行情况</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>%1/%2 layers</source>
        <translation>%1/%2 层</translation>
    </message>
    <message>
        <source>Room for images: %1</source>
        <translation>镜像可用空间：%1</translation>
    </message>
    <message>
        <source>warning: this pull downloads %1 so far, about twice that unpacked, and only %2 is free at %3; free some space (docker image prune) if it fails.</source>
        <translation>警告：本次拉取目前需下载 %1，解压后约为两倍，而 %3 仅剩 %2 可用空间；如果拉取失败，请释放一些空间（docker image prune）。</translation>
    </message>
    <message>
        <source>pull of %1 cancelled; layers already downloaded are kept.</source>
        <translation>已取消拉取 %1；已下载的层会保留。</translation>
    </message>
    <message>
        <source>Pulled %1</source>
        <translation>已拉取 %1</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>--tail takes a whole number of lines, not &apos;%1&apos;</source>
        <translation>--tail 需要一个整数行数，而不是“%1”</translation>
    </message>
    <message>
        <source>--time takes whole seconds from 0 to 3600</source>
        <translation>--time 需要 0 到 3600 之间的整数秒</translation>
    </message>
    <message>
        <source>Stopped %1 (it did not stop within %2 s and was killed)</source>
        <translation>已停止 %1（未能在 %2 秒内停止，已被强制结束）</translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation>已停止 %1</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>……另有 %1 个</translation>
    </message>
    <message>
        <source>Save them first: %1</source>
        <translation>请先保存这些文件：%1</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>Kept its volume %1 (was %2, %3 file(s)) on the engine; remove it with docker volume rm %4 when it is no longer needed.</source>
        <translation>已在引擎上保留其卷 %1（原挂载于 %2，含 %3 个文件）；不再需要时可用 docker volume rm %4 删除。</translation>
    </message>
    <message>
        <source>No container or image named %1 on this engine.</source>
        <translation>此引擎上没有名为 %1 的容器或镜像。</translation>
    </message>
    <message>
        <source>The image %1 is used by a container.</source>
        <translation>镜像 %1 正被某个容器使用。</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>MEM USAGE / LIMIT</source>
        <translation>内存用量 / 上限</translation>
    </message>
    <message>
        <source>MEM %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <source>NET I/O</source>
        <translation>网络 I/O</translation>
    </message>
    <message>
        <source>PIDS</source>
        <translation>进程数</translation>
    </message>
    <message>
        <source>exec needs a command after the name: berthctl exec NAME -- ls /</source>
        <translation>exec 需要在名称后面给出命令：berthctl exec NAME -- ls /</translation>
    </message>
    <message>
        <source>--timeout takes whole seconds, 1 or more</source>
        <translation>--timeout 需要不小于 1 的整数秒</translation>
    </message>
    <message>
        <source>--filter takes KEY=VALUE, like type=container or label=berth.env</source>
        <translation>--filter 需要 KEY=VALUE 形式，例如 type=container 或 label=berth.env</translation>
    </message>
    <message>
        <source>%1 Reconnecting...</source>
        <translation>%1 正在重新连接……</translation>
    </message>
    <message>
        <source>cp copies out of a container: berthctl cp NAME:/PATH DEST</source>
        <translation>cp 只能从容器中往外复制：berthctl cp NAME:/PATH DEST</translation>
    </message>
    <message>
        <source>Copied %1 file(s), %2, from %3 into %4</source>
        <translation>已从 %3 复制 %1 个文件（%2）到 %4</translation>
    </message>
    <message>
        <source>skipped %1 (a link, a device, or a name outside the folder)</source>
        <translation>已跳过 %1（链接、设备，或指向文件夹之外的名称）</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found: the NVIDIA driver is installed but not loaded.</source>
        <translation>未找到 NVIDIA GPU：NVIDIA 驱动已安装但未加载。</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found on this machine.</source>
        <translation>本机未找到 NVIDIA GPU。</translation>
    </message>
    <message>
        <source>NVIDIA driver:</source>
        <translation>NVIDIA 驱动：</translation>
    </message>
    <message>
        <source>Found with:</source>
        <translation>检测方式：</translation>
    </message>
    <message>
        <source>GPUs:</source>
        <translation>GPU：</translation>
    </message>
    <message>
        <source>AMD ROCm:</source>
        <translation>AMD ROCm：</translation>
    </message>
    <message>
        <source>present (/dev/kfd); Berth gives no verdict for ROCm images yet</source>
        <translation>存在（/dev/kfd）；Berth 目前还不对 ROCm 镜像作出判断</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>INDEX</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>COMPUTE</source>
        <translation>计算能力</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>%1 (on this engine)</source>
        <translation>%1（在此引擎上）</translation>
    </message>
    <message>
        <source>%1 (not on this engine: read from its tag)</source>
        <translation>%1（不在此引擎上：根据标签判断）</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>需要：</translation>
    </message>
    <message>
        <source>Known from:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>This machine:</source>
        <translation>本机：</translation>
    </message>
    <message>
        <source>NVIDIA driver %1, %2 GPU</source>
        <translation>NVIDIA 驱动 %1，%2 个 GPU</translation>
    </message>
    <message>
        <source>NVIDIA driver %1, %2 GPUs</source>
        <translation>NVIDIA 驱动 %1，%2 个 GPU</translation>
    </message>
    <message>
        <source>NVIDIA driver installed but not loaded</source>
        <translation>NVIDIA 驱动已安装但未加载</translation>
    </message>
    <message>
        <source>no NVIDIA GPU</source>
        <translation>没有 NVIDIA GPU</translation>
    </message>
    <message>
        <source>any engine runs it (no GPU needed)</source>
        <translation>任何引擎都能运行（无需 GPU）</translation>
    </message>
    <message>
        <source>Verdict:</source>
        <translation>结论：</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Do this:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>注意：</translation>
    </message>
    <message>
        <source>Note: %1 is built for NVIDIA GPUs; launched without --gpus, it runs on the CPU.</source>
        <translation>注意：%1 是为 NVIDIA GPU 构建的；启动时未加 --gpus，它将在 CPU 上运行。</translation>
    </message>
    <message>
        <source>Environment %1 is ready.</source>
        <translation>环境 %1 已就绪。</translation>
    </message>
    <message>
        <source>Environment %1 is starting.</source>
        <translation>环境 %1 正在启动。</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL：</translation>
    </message>
    <message>
        <source>(no port yet)</source>
        <translation>（尚无端口）</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>berthctl token %1   (or: berthctl open %1 --browser)</source>
        <translation>berthctl token %1   （或：berthctl open %1 --browser）</translation>
    </message>
    <message>
        <source>Notebooks:</source>
        <translation>笔记本：</translation>
    </message>
    <message>
        <source>Start with:</source>
        <translation>起始页面：</translation>
    </message>
    <message>
        <source>Jupyter:</source>
        <translation>Jupyter：</translation>
    </message>
    <message>
        <source>--env names one environment of the profile, not &apos;%1&apos; and &apos;%2&apos;</source>
        <translation>--env 只能指定配置文件中的一个环境，不能同时指定“%1”和“%2”</translation>
    </message>
    <message>
        <source>GPUs: this machine can run it on the GPU; launching with --gpus all.</source>
        <translation>GPU：本机可以在 GPU 上运行它；将以 --gpus all 启动。</translation>
    </message>
    <message>
        <source>GPUs: optional for this environment, and not usable here; it runs on the CPU.</source>
        <translation>GPU：此环境的 GPU 为可选，而本机无法使用；它将在 CPU 上运行。</translation>
    </message>
    <message>
        <source>launch needs an IMAGE, or --profile FILE</source>
        <translation>launch 需要 IMAGE 或 --profile FILE</translation>
    </message>
    <message>
        <source>--allow goes with --profile FILE</source>
        <translation>--allow 需要与 --profile FILE 一起使用</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>已启动 %1</translation>
    </message>
    <message>
        <source>Environment %1 is ready at %2</source>
        <translation>环境 %1 已就绪：%2</translation>
    </message>
    <message>
        <source>Environment %1 is starting at %2</source>
        <translation>环境 %1 正在启动：%2</translation>
    </message>
    <message>
        <source>Could not run %1 to open a browser. Open %2 yourself and paste the token (berthctl token %3).</source>
        <translation>无法运行 %1 来打开浏览器。请自行打开 %2 并粘贴令牌（berthctl token %3）。</translation>
    </message>
    <message>
        <source>Opened %1 in the browser.</source>
        <translation>已在浏览器中打开 %1。</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>环境：</translation>
    </message>
    <message>
        <source>Image id:</source>
        <translation>镜像 ID：</translation>
    </message>
    <message>
        <source>Digest:</source>
        <translation>摘要：</translation>
    </message>
    <message>
        <source>(none: built or imported locally)</source>
        <translation>（无：在本地构建或导入）</translation>
    </message>
    <message>
        <source>CUDA:</source>
        <translation>CUDA：</translation>
    </message>
    <message>
        <source>(not declared)</source>
        <translation>（未声明）</translation>
    </message>
    <message>
        <source>Memory cap:</source>
        <translation>内存上限：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Shared mem:</source>
        <translation>共享内存：</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Mount:</source>
        <translation>挂载：</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>(not running)</source>
        <translation>（未运行）</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>启动时间：</translation>
    </message>
    <message>
        <source>(--json gives the whole record, with the engine and host GPUs)</source>
        <translation>（使用 --json 可查看完整记录，包括引擎和主机 GPU）</translation>
    </message>
    <message>
        <source>Environment %1</source>
        <translation>环境 %1</translation>
    </message>
    <message>
        <source>Environment %1: %2</source>
        <translation>环境 %1：%2</translation>
    </message>
    <message>
        <source>on this engine</source>
        <translation>在此引擎上</translation>
    </message>
    <message>
        <source>not on this engine: a launch pulls it</source>
        <translation>不在此引擎上：启动时会拉取</translation>
    </message>
    <message>
        <source>REFUSED: another image has its name here</source>
        <translation>已拒绝：此处另一个镜像使用了该名称</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>(not pinned)</source>
        <translation>（未固定）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>optional (used when this machine can)</source>
        <translation>可选（本机支持时使用）</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>未要求</translation>
    </message>
    <message>
        <source>GPU:</source>
        <translation>GPU：</translation>
    </message>
    <message>
        <source>%1; launched with GPUs</source>
        <translation>%1；将使用 GPU 启动</translation>
    </message>
    <message>
        <source>Caps:</source>
        <translation>资源上限：</translation>
    </message>
    <message>
        <source>Variable:</source>
        <translation>变量：</translation>
    </message>
    <message>
        <source>%1 (Berth&apos;s default)</source>
        <translation>%1（Berth 的默认值）</translation>
    </message>
    <message>
        <source>Opens first:</source>
        <translation>首先打开：</translation>
    </message>
    <message>
        <source>Locked:</source>
        <translation>已锁定：</translation>
    </message>
    <message>
        <source>Runs inside:</source>
        <translation>在容器内运行：</translation>
    </message>
    <message>
        <source>Needs --allow:</source>
        <translation>需要 --allow：</translation>
    </message>
    <message>
        <source>%1: it %2</source>
        <translation>%1：it %2</translation>
    </message>
    <message>
        <source>Not met here:</source>
        <translation>本机不满足：</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Nothing was applied.</source>
        <translation>未应用任何更改。</translation>
    </message>
    <message>
        <source>profile %1: say validate, show, pin or save.</source>
        <translation>profile %1：请使用 validate、show、pin 或 save。</translation>
    </message>
    <message>
        <source>profile save needs NAME FILE.</source>
        <translation>profile save 需要 NAME FILE。</translation>
    </message>
    <message>
        <source>profile %1 needs FILE.</source>
        <translation>profile %1 需要 FILE。</translation>
    </message>
    <message>
        <source>Saved %1 as %2 (pinned).</source>
        <translation>已将 %1 保存为 %2（已固定）。</translation>
    </message>
    <message>
        <source>%1: valid; %2 environment: %3</source>
        <translation>%1：有效；%2 个环境：%3</translation>
    </message>
    <message>
        <source>%1: valid; %2 environments: %3</source>
        <translation>%1：有效；%2 个环境：%3</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1 needs --allow %2</source>
        <translation>%1 需要 --allow %2</translation>
    </message>
    <message>
        <source>%1 (already pinned to it)</source>
        <translation>%1（已固定）</translation>
    </message>
    <message>
        <source>Nothing was written (--dry-run).</source>
        <translation>未写入任何内容（--dry-run）。</translation>
    </message>
    <message>
        <source>Pinned; comments and layout kept.</source>
        <translation>已固定；注释和格式保持不变。</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>Profile: %1 (by %2)</source>
        <translation>配置文件：%1（作者 %2）</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Saving images</source>
        <translation>正在保存镜像</translation>
    </message>
    <message>
        <source>Loading images</source>
        <translation>正在加载镜像</translation>
    </message>
    <message>
        <source>Checking images</source>
        <translation>正在校验镜像</translation>
    </message>
    <message>
        <source>%1...</source>
        <translation>%1……</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4%)</source>
        <translation>%1：%2/%3（%4%）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>bundle export needs PROFILE and -o FILE.tar.</source>
        <translation>bundle export 需要 PROFILE 和 -o FILE.tar。</translation>
    </message>
    <message>
        <source>Wrote %1 (%2): the profile and %3 image.</source>
        <translation>已写入 %1（%2）：配置文件和 %3 个镜像。</translation>
    </message>
    <message>
        <source>Wrote %1 (%2): the profile and %3 images.</source>
        <translation>已写入 %1（%2）：配置文件和 %3 个镜像。</translation>
    </message>
    <message>
        <source>On each computer: berthctl bundle import %1</source>
        <translation>在每台计算机上运行：berthctl bundle import %1</translation>
    </message>
    <message>
        <source>bundle import takes FILE.tar [DIR], not -o.</source>
        <translation>bundle import 接受 FILE.tar [DIR]，不接受 -o。</translation>
    </message>
    <message>
        <source>Loaded %1 (%2), checked.</source>
        <translation>已加载 %1（%2），已校验。</translation>
    </message>
    <message>
        <source>The profile is %1</source>
        <translation>配置文件位于 %1</translation>
    </message>
    <message>
        <source>Launch it: berthctl launch --profile %1 (or open it in Berth)</source>
        <translation>启动方式：berthctl launch --profile %1（或在 Berth 中打开）</translation>
    </message>
    <message>
        <source>bundle %1: say export or import.</source>
        <translation>bundle %1：请使用 export 或 import。</translation>
    </message>
    <message>
        <source>nvidia-smi (NVML was not usable)</source>
        <translation>nvidia-smi（NVML 不可用）</translation>
    </message>
    <message>
        <source>/proc/driver/nvidia/version (NVML and nvidia-smi were not usable)</source>
        <translation>/proc/driver/nvidia/version（NVML 和 nvidia-smi 均不可用）</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>installed but not loaded</source>
        <translation>已安装但未加载</translation>
    </message>
    <message>
        <source> (CUDA up to %1, from Berth&apos;s driver table)</source>
        <translation>（最高支持 CUDA %1，取自 Berth 的驱动对照表）</translation>
    </message>
    <message>
        <source> (CUDA up to %1)</source>
        <translation>（最高支持 CUDA %1）</translation>
    </message>
    <message>
        <source>can hand GPUs to containers: %1</source>
        <translation>可以向容器提供 GPU：%1</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>no GPU (a CPU image)</source>
        <translation>无需 GPU（CPU 镜像）</translation>
    </message>
    <message>
        <source>an NVIDIA GPU, CUDA unknown</source>
        <translation>一块 NVIDIA GPU，CUDA 版本未知</translation>
    </message>
    <message>
        <source>an NVIDIA GPU: %1</source>
        <translation>一块 NVIDIA GPU：%1</translation>
    </message>
    <message>
        <source>an NVIDIA GPU with CUDA %1</source>
        <translation>一块支持 CUDA %1 的 NVIDIA GPU</translation>
    </message>
    <message>
        <source>an NVIDIA GPU with CUDA %1, cuDNN %2</source>
        <translation>一块支持 CUDA %1、cuDNN %2 的 NVIDIA GPU</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>内存 %1</translation>
    </message>
    <message>
        <source>CPUs %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>shared memory %1</source>
        <translation>共享内存 %1</translation>
    </message>
    <message>
        <source>none (the engine&apos;s whole machine; shared memory 1g)</source>
        <translation>无（可使用引擎所在机器的全部资源；共享内存 1g）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>use %1 (the CPU version)</source>
        <translation>改用 %1（CPU 版本）</translation>
    </message>
    <message>
        <source>%1 (the CPU version)</source>
        <translation>%1（CPU 版本）</translation>
    </message>
    <message>
        <source>use %1 (an older release built for a CUDA this driver runs)</source>
        <translation>改用 %1（较早的版本，所用 CUDA 此驱动可以运行）</translation>
    </message>
    <message>
        <source>%1 (an older release built for a CUDA this driver runs)</source>
        <translation>%1（较早的版本，所用 CUDA 此驱动可以运行）</translation>
    </message>
    <message>
        <source>use an nvidia/cuda image of CUDA %1 or older</source>
        <translation>改用 CUDA %1 或更早版本的 nvidia/cuda 镜像</translation>
    </message>
    <message>
        <source>an nvidia/cuda image of CUDA %1 or older</source>
        <translation>CUDA %1 或更早版本的 nvidia/cuda 镜像</translation>
    </message>
    <message>
        <source>start Docker (sudo systemctl start docker) or Podman (systemctl --user start podman.socket)</source>
        <translation>启动 Docker（sudo systemctl start docker）或 Podman（systemctl --user start podman.socket）</translation>
    </message>
    <message>
        <source>check that the engine is running and responsive (docker info), and restart it if it hangs</source>
        <translation>检查引擎是否正在运行且能响应（docker info），如无响应请重启它</translation>
    </message>
    <message>
        <source>check that the engine listens at %1 and that no firewall is in the way</source>
        <translation>检查引擎是否在 %1 上监听，以及是否有防火墙阻挡</translation>
    </message>
    <message>
        <source>add yourself to the group that owns %1 (sudo usermod -aG docker $USER, then log in again), or use rootless Podman</source>
        <translation>把自己加入拥有 %1 的用户组（sudo usermod -aG docker $USER，然后重新登录），或使用 rootless Podman</translation>
    </message>
    <message>
        <source>check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) and DOCKER_TLS_VERIFY</source>
        <translation>检查 DOCKER_CERT_PATH（ca.pem、cert.pem、key.pem）和 DOCKER_TLS_VERIFY</translation>
    </message>
    <message>
        <source>set --host / DOCKER_HOST to where your engine listens</source>
        <translation>把 --host / DOCKER_HOST 设置为引擎的监听地址</translation>
    </message>
    <message>
        <source>pull it first (berthctl pull %1)</source>
        <translation>先拉取它（berthctl pull %1）</translation>
    </message>
    <message>
        <source>list them with berthctl ps -a</source>
        <translation>用 berthctl ps -a 列出它们</translation>
    </message>
    <message>
        <source>choose another name with --name</source>
        <translation>用 --name 换一个名称</translation>
    </message>
    <message>
        <source>remove it (berthctl rm %1)</source>
        <translation>删除它（berthctl rm %1）</translation>
    </message>
    <message>
        <source>stop it first (berthctl stop %1)</source>
        <translation>先停止它（berthctl stop %1）</translation>
    </message>
    <message>
        <source>stop it (berthctl stop %1)</source>
        <translation>停止它（berthctl stop %1）</translation>
    </message>
    <message>
        <source>remove the containers that use %1 first (berthctl ps -a shows them)</source>
        <translation>先删除使用 %1 的容器（berthctl ps -a 可列出它们）</translation>
    </message>
    <message>
        <source>open it (berthctl open %1)</source>
        <translation>打开它（berthctl open %1）</translation>
    </message>
    <message>
        <source>start it again (berthctl start %1)</source>
        <translation>重新启动它（berthctl start %1）</translation>
    </message>
    <message>
        <source>look at its log (berthctl logs %1)</source>
        <translation>查看其日志（berthctl logs %1）</translation>
    </message>
    <message>
        <source>wait longer (berthctl open %1)</source>
        <translation>再等一会儿（berthctl open %1）</translation>
    </message>
    <message>
        <source>launch it again; its notebook folder is kept</source>
        <translation>重新启动它；其笔记本文件夹会保留</translation>
    </message>
    <message>
        <source>launch it again with a larger --memory</source>
        <translation>用更大的 --memory 重新启动它</translation>
    </message>
    <message>
        <source>choose another --port, or leave it out and the engine picks a free one</source>
        <translation>换一个 --port，或不指定端口，由引擎选择空闲端口</translation>
    </message>
    <message>
        <source>choose another notebook folder with --workspace</source>
        <translation>用 --workspace 换一个笔记本文件夹</translation>
    </message>
    <message>
        <source>run Berth on the machine of %1, or forward the notebook&apos;s port yourself with ssh -L once it is launched there</source>
        <translation>在 %1 所在的机器上运行 Berth，或在那里启动后自行用 ssh -L 转发笔记本端口</translation>
    </message>
    <message>
        <source>in Jupyter, move them into %1 (that is %2 on this machine)</source>
        <translation>在 Jupyter 中把它们移到 %1（即本机的 %2）</translation>
    </message>
    <message>
        <source>copy them out with berthctl cp %1:%2 DEST</source>
        <translation>用 berthctl cp %1:%2 DEST 把它们复制出来</translation>
    </message>
    <message>
        <source>remove anyway with --force</source>
        <translation>用 --force 强制删除</translation>
    </message>
    <message>
        <source>nothing to change: start it</source>
        <translation>无需更改：直接启动</translation>
    </message>
    <message>
        <source>start it; update the NVIDIA driver if a program reports a PTX or JIT error</source>
        <translation>直接启动；如果程序报告 PTX 或 JIT 错误，请更新 NVIDIA 驱动</translation>
    </message>
    <message>
        <source>start it; if a program reports a PTX or JIT error, update the driver to %1 or newer</source>
        <translation>直接启动；如果程序报告 PTX 或 JIT 错误，请把驱动更新到 %1 或更高版本</translation>
    </message>
    <message>
        <source>to use this machine&apos;s NVIDIA GPU, use %1 and check it again</source>
        <translation>如需使用本机的 NVIDIA GPU，请改用 %1 并再次检查</translation>
    </message>
    <message>
        <source>run it on a machine with an NVIDIA GPU, or choose a CPU image</source>
        <translation>在有 NVIDIA GPU 的机器上运行，或选择 CPU 镜像</translation>
    </message>
    <message>
        <source>run it on a machine with a newer NVIDIA GPU</source>
        <translation>在 NVIDIA GPU 更新的机器上运行</translation>
    </message>
    <message>
        <source>update the NVIDIA driver to its newest release</source>
        <translation>把 NVIDIA 驱动更新到最新版本</translation>
    </message>
    <message>
        <source>update the driver to %1 or newer</source>
        <translation>把驱动更新到 %1 或更高版本</translation>
    </message>
    <message>
        <source>load the NVIDIA driver (reboot, or run &apos;sudo modprobe nvidia&apos;), then check again</source>
        <translation>加载 NVIDIA 驱动（重启，或运行“sudo modprobe nvidia”），然后再次检查</translation>
    </message>
    <message>
        <source>install the NVIDIA Container Toolkit, run &apos;sudo nvidia-ctk runtime configure --runtime=docker&apos;, then restart Docker (sudo systemctl restart docker)</source>
        <translation>安装 NVIDIA Container Toolkit，运行“sudo nvidia-ctk runtime configure --runtime=docker”，然后重启 Docker（sudo systemctl restart docker）</translation>
    </message>
    <message>
        <source>use Docker with the NVIDIA Container Toolkit</source>
        <translation>使用装有 NVIDIA Container Toolkit 的 Docker</translation>
    </message>
    <message>
        <source>launch without --gpus to run on the CPU</source>
        <translation>不加 --gpus 启动，在 CPU 上运行</translation>
    </message>
    <message>
        <source>--force launches it anyway</source>
        <translation>--force 可强制启动</translation>
    </message>
    <message>
        <source>use an image built for an older CUDA (berthctl check %1 says which)</source>
        <translation>改用为较早 CUDA 构建的镜像（berthctl check %1 会给出建议）</translation>
    </message>
    <message>
        <source>pull it first (berthctl pull %1), then run berthctl check %1 again</source>
        <translation>先拉取它（berthctl pull %1），然后再次运行 berthctl check %1</translation>
    </message>
    <message>
        <source>run berthctl check %1 on the machine that runs the engine</source>
        <translation>在运行引擎的机器上执行 berthctl check %1</translation>
    </message>
    <message>
        <source>pick a tag that names its CUDA version</source>
        <translation>选择一个标明 CUDA 版本的标签</translation>
    </message>
    <message>
        <source>ask the image&apos;s authors which CUDA it needs</source>
        <translation>询问镜像作者它需要哪个 CUDA 版本</translation>
    </message>
    <message>
        <source>use another image, or ask its authors to fix NVIDIA_REQUIRE_CUDA</source>
        <translation>改用其他镜像，或请镜像作者修正 NVIDIA_REQUIRE_CUDA</translation>
    </message>
    <message>
        <source>if you trust the profile&apos;s author, launch it with %1</source>
        <translation>如果信任配置文件的作者，请加上 %1 启动</translation>
    </message>
    <message>
        <source>if you wrote the profile, pin it again (berthctl profile pin FILE)</source>
        <translation>如果配置文件是您编写的，请重新固定（berthctl profile pin FILE）</translation>
    </message>
    <message>
        <source>see berthctl --help</source>
        <translation>参见 berthctl --help</translation>
    </message>
    <message>
        <source> (%1.)</source>
        <translation>（%1。）</translation>
    </message>
    <message>
        <source>use %1 (the CPU version) instead</source>
        <translation>改用 %1（CPU 版本）</translation>
    </message>
    <message>
        <source>%1, or %2</source>
        <translation>%1，或%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> (engine said: %1)</source>
        <translation>（引擎返回：%1）</translation>
    </message>
    <message>
        <source>Its last lines:</source>
        <translation>最后几行输出：</translation>
    </message>
    <message>
        <source>runs on the GPU (through CUDA minor-version compatibility)</source>
        <translation>可在 GPU 上运行（通过 CUDA 次版本兼容）</translation>
    </message>
    <message>
        <source>runs on the GPU</source>
        <translation>可在 GPU 上运行</translation>
    </message>
    <message>
        <source>runs on the CPU only (a CPU image)</source>
        <translation>只能在 CPU 上运行（CPU 镜像）</translation>
    </message>
    <message>
        <source>cannot run here (%1)</source>
        <translation>无法在此运行（%1）</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>未知（%1）</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found on %1.</source>
        <translation>在 %1 上未找到 NVIDIA GPU。</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>运行于：</translation>
    </message>
    <message>
        <source>%1 (port %2 there, forwarded here over ssh)</source>
        <translation>%1（那里的端口 %2，通过 ssh 转发到这里）</translation>
    </message>
    <message>
        <source>%1 on %2  -&gt;  %3</source>
        <translation>%2 上的 %1  -&gt;  %3</translation>
    </message>
</context>
</TS>
