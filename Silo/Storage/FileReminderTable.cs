using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Storage;

/// <summary>
/// Reminder table for a single silo: all rows live in memory and each row is also one small JSON file,
/// replaced atomically, so the table survives a restart (kill -9 included). All rows are loaded on start.
/// </summary>
public sealed partial class FileReminderTable : IReminderTable
{
    /// <summary>Name of the <see cref="FileStorageOptions"/> instance the table reads.</summary>
    public const string OptionsName = "Reminders";

    private const string FileExtension = ".json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // Reminders change rarely; one gate keeps the file and the in-memory row in the same order for
    // racing upserts of one reminder, which per-row locking would also do at more complexity.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(GrainId GrainId, string Name), Row> _rows = [];
    private readonly Lock _rowsLock = new();
    private readonly string _directory;
    private readonly ILogger<FileReminderTable> _logger;
    private Task? _load;
    private long _lastETag;

    public FileReminderTable(FileStorageOptions options, ILogger<FileReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RootDirectory))
        {
            throw new OptionsValidationException(OptionsName, typeof(FileStorageOptions), [$"{nameof(FileStorageOptions.RootDirectory)} of the file reminder table is empty."]);
        }

        _directory = Path.GetFullPath(options.RootDirectory);
        _logger = logger;
    }

    /// <summary>Creates the table from the <see cref="OptionsName"/> options.</summary>
    public static FileReminderTable Create(IServiceProvider services)
        => new(
            services.GetRequiredService<IOptionsMonitor<FileStorageOptions>>().Get(OptionsName),
            services.GetRequiredService<ILogger<FileReminderTable>>());

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureLoadedAsync();

    /// <inheritdoc />
    public Task Init() => EnsureLoadedAsync();

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await EnsureLoadedAsync();
        lock (_rowsLock)
        {
            return new ReminderTableData(_rows.Values.Where(row => row.GrainId.Equals(grainId)).Select(row => row.ToEntry()).ToList());
        }
    }

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await EnsureLoadedAsync();
        lock (_rowsLock)
        {
            return new ReminderTableData(_rows.Values.Where(row => InRange(row.Hash, begin, end)).Select(row => row.ToEntry()).ToList());
        }
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await EnsureLoadedAsync();
        lock (_rowsLock)
        {
            return _rows.TryGetValue((grainId, reminderName), out var row) ? row.ToEntry() : null;
        }
    }

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await EnsureLoadedAsync();
        await _gate.WaitAsync();
        try
        {
            // ETags come from one counter that only grows, so a row removed and added again never gets
            // an ETag a stale caller still holds.
            var row = new Row(entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period, ++_lastETag);
            await AtomicFile.WriteAsync(GetPath(row.GrainId, row.Name), JsonSerializer.SerializeToUtf8Bytes(row.ToStored(), JsonOptions), CancellationToken.None);
            lock (_rowsLock)
            {
                _rows[(row.GrainId, row.Name)] = row;
            }

            return row.ETag;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await EnsureLoadedAsync();
        await _gate.WaitAsync();
        try
        {
            lock (_rowsLock)
            {
                if (!_rows.TryGetValue((grainId, reminderName), out var row) || !string.Equals(row.ETag, eTag, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            File.Delete(GetPath(grainId, reminderName));
            lock (_rowsLock)
            {
                _rows.Remove((grainId, reminderName));
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task TestOnlyClearTable()
    {
        await EnsureLoadedAsync();
        await _gate.WaitAsync();
        try
        {
            foreach (var file in Directory.Exists(_directory) ? Directory.EnumerateFiles(_directory, "*" + FileExtension) : [])
            {
                File.Delete(file);
            }

            lock (_rowsLock)
            {
                _rows.Clear();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>True when <paramref name="hash"/> is in (begin, end], wrapping around when begin >= end (IReminderTable contract).</summary>
    private static bool InRange(uint hash, uint begin, uint end)
        => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private Task EnsureLoadedAsync()
    {
        // StartAsync normally loads, but a call that arrives first loads too; either way only once.
        lock (_rowsLock)
        {
            return _load ??= Task.Run(LoadAsync);
        }
    }

    private async Task LoadAsync()
    {
        if (!Directory.Exists(_directory))
        {
            return;
        }

        var rows = new List<Row>();
        foreach (var file in Directory.EnumerateFiles(_directory, "*" + FileExtension))
        {
            var bytes = await AtomicFile.TryReadAsync(file, CancellationToken.None);
            if (bytes is null)
            {
                continue;
            }

            // A file that does not parse cannot come from an atomic write; failing the start is better
            // than silently dropping a business schedule.
            var stored = JsonSerializer.Deserialize<StoredReminder>(bytes, JsonOptions)
                ?? throw new InvalidDataException($"Reminder file '{file}' is empty.");
            rows.Add(Row.FromStored(stored));
        }

        lock (_rowsLock)
        {
            foreach (var row in rows)
            {
                _rows[(row.GrainId, row.Name)] = row;
                _lastETag = Math.Max(_lastETag, row.ETagValue);
            }
        }

        LogLoaded(rows.Count, _directory);
    }

    private string GetPath(GrainId grainId, string reminderName)
        => Path.Combine(_directory, FileNames.ForKey($"{grainId}/{reminderName}") + FileExtension);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} reminders from {Directory}")]
    private partial void LogLoaded(int count, string directory);

    /// <summary>One reminder as kept in memory; the hash is cached because range reads scan every row.</summary>
    private sealed record Row(GrainId GrainId, string Name, DateTime StartAt, TimeSpan Period, long ETagValue)
    {
        public uint Hash { get; } = GrainId.GetUniformHashCode();

        public string ETag => ETagValue.ToString(CultureInfo.InvariantCulture);

        public ReminderEntry ToEntry() => new()
        {
            GrainId = GrainId,
            ReminderName = Name,
            StartAt = StartAt,
            Period = Period,
            ETag = ETag,
        };

        public StoredReminder ToStored() => new(GrainId.ToString(), Name, DateTime.SpecifyKind(StartAt, DateTimeKind.Utc), Period.Ticks, ETagValue);

        public static Row FromStored(StoredReminder stored)
            => new(GrainId.Parse(stored.GrainId), stored.ReminderName, DateTime.SpecifyKind(stored.StartAt, DateTimeKind.Utc), TimeSpan.FromTicks(stored.PeriodTicks), stored.ETag);
    }

    /// <summary>File format of one reminder; the grain id is kept as its string form so files stay readable.</summary>
    private sealed record StoredReminder(string GrainId, string ReminderName, DateTime StartAt, long PeriodTicks, long ETag);
}
