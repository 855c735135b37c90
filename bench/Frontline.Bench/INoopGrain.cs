namespace Frontline.Bench;

/// <summary>A grain that does nothing: the baseline for what an Orleans call and an activation cost by themselves.</summary>
[Alias("Frontline.Bench.INoopGrain")]
public interface INoopGrain : IGrainWithStringKey
{
    /// <summary>Returns at once; the cost measured is Orleans' own (addressing, serialization, scheduling).</summary>
    Task PingAsync();
}
