using System.Runtime.InteropServices;

namespace Frontline.Bench;

/// <summary>What the numbers were measured on: cores, CPU model, memory, runtime.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Memory, string Runtime, string Os, string Gc)
{
    public static MachineInfo Detect() => new(
        Environment.ProcessorCount,
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        FirstValue("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var total)
            ? $"{total / 1024.0 / 1024.0:0.0} GiB"
            : "unknown",
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        System.Runtime.GCSettings.IsServerGC ? "server" : "workstation");

    /// <summary>The 1, 5 and 15 minute load averages (other work on the machine skews timings), or null off Linux.</summary>
    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    /// <summary>The value of the first "key : value" line of a /proc file, or null off Linux.</summary>
    private static string? FirstValue(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
