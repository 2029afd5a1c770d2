using System.Runtime.Versioning;

// ipmi_sim, ipmitool, FreeIPMI, POSIX signals: the harness runs on Linux only.
[assembly: SupportedOSPlatform("linux")]
