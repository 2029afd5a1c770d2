{{/* Chart name, truncated to the 63 characters Kubernetes allows in a name. */}}
{{- define "bmc-exporter.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects, truncated to 52 characters: the StatefulSet's pods carry the label
controller-revision-hash=<name>-<10 characters>, which must fit in 63, and the longest suffix the chart adds to
an object name ("-dashboards", 11 characters) then still fits too.
*/}}
{{- define "bmc-exporter.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of the headless Service that gives each shard pod a stable DNS name. */}}
{{- define "bmc-exporter.headlessName" -}}
{{- printf "%s-headless" (include "bmc-exporter.fullname" .) }}
{{- end }}

{{- define "bmc-exporter.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "bmc-exporter.labels" -}}
helm.sh/chart: {{ include "bmc-exporter.chart" . }}
{{ include "bmc-exporter.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the pods. */}}
{{- define "bmc-exporter.selectorLabels" -}}
app.kubernetes.io/name: {{ include "bmc-exporter.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "bmc-exporter.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "bmc-exporter.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "bmc-exporter.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* Number of shards, validated: a whole number of at least 1. */}}
{{- define "bmc-exporter.shards" -}}
{{- $shards := int .Values.shards }}
{{- if lt $shards 1 }}
{{- fail (printf "shards must be at least 1 (got %v)" .Values.shards) }}
{{- end }}
{{- $shards }}
{{- end }}

{{/* exporter.yaml: the config values, plus the target files directory when targetFiles is set. */}}
{{- define "bmc-exporter.config" -}}
{{- $config := deepCopy (.Values.config | default dict) }}
{{- range $key := list "sharding" "listen_address" "state_dir" }}
{{- if hasKey $config $key }}
{{- fail (printf "config.%s is set by the chart (shards, port, persistence); remove it from config" $key) }}
{{- end }}
{{- end }}
{{- if .Values.targetFiles }}
{{- $files := concat (get $config "target_files" | default list) (list "/etc/bmc-exporter/targets.d/*") }}
{{- $_ := set $config "target_files" $files }}
{{- end }}
{{- toYaml $config }}
{{- end }}

{{/* Directory the existingSecret is mounted at; password_file / kg_file point at its keys. */}}
{{- define "bmc-exporter.secretDir" -}}
/etc/bmc-exporter/secret
{{- end }}

{{/* Rejects value combinations that would scrape the same series twice. */}}
{{- define "bmc-exporter.validate" -}}
{{- if and .Values.serviceMonitor.enabled .Values.podMonitor.enabled }}
{{- fail "enable serviceMonitor or podMonitor, not both: each scrapes every pod, so every series would be stored twice" }}
{{- end }}
{{- end }}

{{/*
relabelings of the ServiceMonitor / PodMonitor: `instance` is the pod name (a StatefulSet pod keeps it when it is
recreated on another node with another IP), so BmcExporterDown, which needs the instance's bmc_exporter_build_info of
the last day, still fires for a shard that fails after being rescheduled. The user's relabelings come after.
*/}}
{{- define "bmc-exporter.monitorRelabelings" -}}
{{- $relabelings := list (dict "sourceLabels" (list "__meta_kubernetes_pod_name") "targetLabel" "instance" "action" "replace") }}
{{- toYaml (concat $relabelings (. | default list)) }}
{{- end }}

{{/*
metricRelabelings of the ServiceMonitor / PodMonitor. With scrapeConfig enabled the BMCs' series come from the
per-BMC /ipmi job, so the monitor keeps only the exporter's own families from /metrics (no series twice).
*/}}
{{- define "bmc-exporter.monitorMetricRelabelings" -}}
{{- $relabelings := .relabelings | default list }}
{{- if .root.Values.scrapeConfig.enabled }}
{{- $relabelings = append $relabelings (dict "sourceLabels" (list "__name__") "regex" "bmc_exporter_.*|process_.*|dotnet_.*|system_runtime_.*" "action" "keep") }}
{{- end }}
{{- with $relabelings }}
{{- toYaml . }}
{{- end }}
{{- end }}
