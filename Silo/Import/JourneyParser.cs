using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Events;

namespace Frontline.Silo.Import;

/// <summary>
/// Turns a multi-touch journey file (customer_id,time,interaction,conversion,conversion_value,channel) into B2C
/// customers and touch events. Pure apart from reading the file: nothing here talks to a server.
/// </summary>
public static class JourneyParser
{
    /// <summary>The <c>source</c> of every touch from a journey file.</summary>
    public const string Source = "mta-journeys";

    /// <summary>Parses the journey file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportInputException">The file or a required column is missing.</exception>
    public static JourneyImport Parse(string path)
    {
        const int customer = 0, time = 1, interaction = 2, value = 3, channel = 4;
        var file = Path.GetFileName(path);
        var rows = CsvFile.Read(path, ["customer_id", "time", "interaction", "conversion_value", "channel"]);
        var badRows = ImmutableArray.CreateBuilder<BadRow>();
        var bad = new BadRowSink(badRows, ImportKind.Touches, file);
        var ids = new JourneyEventIds();
        var customers = ImmutableArray.CreateBuilder<Sourced<RegisterCustomerCommand>>();
        var seenCustomers = new HashSet<string>(StringComparer.Ordinal);
        var touches = ImmutableArray.CreateBuilder<Sourced<TouchEnvelope>>(rows.Count);
        foreach (var row in rows)
        {
            var customerId = row[customer];
            if (string.IsNullOrEmpty(customerId)) { bad.Add(row, "customer_id", "empty"); continue; }

            var timeText = row[time] ?? "";
            if (!CsvValues.TryParseTimestamp(timeText, out var occurredAt))
            {
                bad.Add(row, "time", $"'{timeText}' is not an ISO-8601 time with Z or an offset");
                continue;
            }

            var channelName = row[channel];
            if (string.IsNullOrEmpty(channelName)) { bad.Add(row, "channel", "empty"); continue; }

            string action;
            decimal? conversionValue = null;
            switch (row[interaction])
            {
                case "impression":
                    // An impression's conversion_value is always 0 in the source; it carries no money.
                    action = StandardActions.ContentViewed;
                    break;
                case "conversion":
                    action = StandardActions.ContractSigned;
                    var valueText = row[value] ?? "";
                    if (!CsvValues.TryParseDecimal(valueText, out var parsed))
                    {
                        bad.Add(row, "conversion_value", $"'{valueText}' is not a number");
                        continue;
                    }

                    if (parsed < 0) { bad.Add(row, "conversion_value", $"'{valueText}' is negative"); continue; }
                    conversionValue = parsed;
                    break;
                default:
                    bad.Add(row, "interaction", $"'{row[interaction]}' is not impression or conversion");
                    continue;
            }

            if (seenCustomers.Add(customerId))
            {
                var profile = new RegisterCustomerCommand { Id = customerId, Segment = Segment.B2C };
                customers.Add(new Sourced<RegisterCustomerCommand>(profile, file, row.Line));
            }

            var touch = new TouchEnvelope
            {
                EventId = ids.Next(customerId, occurredAt, action, channelName, conversionValue),
                CustomerId = customerId,
                Action = action,
                Channel = channelName,
                OccurredAt = occurredAt,
                Source = Source,
                Value = conversionValue,
            };
            touches.Add(new Sourced<TouchEnvelope>(touch, file, row.Line));
        }

        return new JourneyImport
        {
            Customers = customers.ToImmutable(),
            Touches = touches.ToImmutable(),
            BadRows = badRows.ToImmutable(),
        };
    }
}
