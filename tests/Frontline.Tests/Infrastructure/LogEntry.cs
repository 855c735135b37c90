using Microsoft.Extensions.Logging;

namespace Frontline.Tests.Infrastructure;

/// <summary>One captured log entry.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
