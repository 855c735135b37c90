namespace Frontline.Silo.Import;

/// <summary>Where a run reports how far each kind has got.</summary>
public interface IImportProgress
{
    /// <summary>Called once per kind before anything is sent.</summary>
    void Register(ImportKind kind, int total);

    /// <summary>Called after each batch with the number of items it held.</summary>
    void Advance(ImportKind kind, int items);

    /// <summary>Called when a kind is done (or abandoned because the run failed).</summary>
    void Complete(ImportKind kind);
}
