namespace Frontline.Grains.Common;

/// <summary>Names of the grain storage providers; hosting registers providers under exactly these names.</summary>
public static class StorageNames
{
    /// <summary>Durable storage for the state of the business (customers, opportunities, units, attribution).</summary>
    public const string Frontline = "frontline";

    /// <summary>Storage of stream subscriptions (Orleans' conventional name).</summary>
    public const string PubSub = "PubSubStore";
}
