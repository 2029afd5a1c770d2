# bmc-exporter container image. Build (tag = the chart's appVersion, helm/bmc-exporter/Chart.yaml):
#   docker build -t ghcr.io/bmc-exporter/bmc-exporter:0.1.0 .
# Stage 1 publishes framework-dependent Release output with the .NET SDK; stage 2 is Microsoft's ASP.NET Core
# runtime image, run as its non-root "app" user (UID 1654) and fit for a read-only root file system: the only
# writable paths are the state directory and /tmp, which Kubernetes mounts as volumes (the chart does).
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore first, from the project files only, so source edits reuse the restore layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/BmcExporter/BmcExporter.csproj src/BmcExporter/
COPY src/BmcExporter.Ipmi/BmcExporter.Ipmi.csproj src/BmcExporter.Ipmi/
COPY src/BmcExporter.Ipmi.Client/BmcExporter.Ipmi.Client.csproj src/BmcExporter.Ipmi.Client/
COPY src/BmcExporter.Simulator/BmcExporter.Simulator.csproj src/BmcExporter.Simulator/
COPY src/BmcExporter.Redfish/BmcExporter.Redfish.csproj src/BmcExporter.Redfish/
RUN dotnet restore src/BmcExporter/BmcExporter.csproj
COPY src/ src/
RUN dotnet publish src/BmcExporter/BmcExporter.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app ./
USER 1654:1654
EXPOSE 9290/tcp
# State (SEL cursors, SDR cache) and /tmp: mount a volume or an emptyDir over each.
VOLUME ["/var/lib/bmc-exporter", "/tmp"]
# Liveness for plain Docker (Kubernetes uses the chart's probes instead). The image has no curl: bash's /dev/tcp
# sends the request and the status line is checked.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9290 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/app/bmc-exporter"]
CMD ["--config.file=/etc/bmc-exporter/config/exporter.yaml", "--web.listen-address=[::]:9290", "--state.dir=/var/lib/bmc-exporter"]
