{{/* Chart name, truncated to the 63 characters Kubernetes allows in a name. */}}
{{- define "bmc-exporter.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's objects. */}}
{{- define "bmc-exporter.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
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
{{- if hasKey $config "sharding" }}
{{- fail "config.sharding is set by the chart from .Values.shards and the pod ordinal; remove it from config" }}
{{- end }}
{{- if .Values.targetFiles }}
{{- $files := concat (get $config "target_files" | default list) (list "/etc/bmc-exporter/targets.d/*") }}
{{- $_ := set $config "target_files" $files }}
{{- end }}
{{- toYaml $config }}
{{- end }}
