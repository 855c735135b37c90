namespace Frontline.Bench;

/// <summary>Heap with the customers deactivated (before) and active (after), and the same for as many no-op grains.</summary>
public sealed record GrainMemoryResult(
    int Count,
    TimeSpan Load,
    int CustomerActivations,
    long CustomerHeapBefore,
    long CustomerHeapAfter,
    int NoopActivations,
    long NoopHeapBefore,
    long NoopHeapAfter)
{
    public double PerCustomer => (double)(CustomerHeapAfter - CustomerHeapBefore) / Count;

    public double PerNoop => (double)(NoopHeapAfter - NoopHeapBefore) / Count;
}
