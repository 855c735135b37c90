using System.Collections.Immutable;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Opportunities;
using Frontline.Abstractions.Units;

namespace Frontline.Silo.Import;

/// <summary>
/// Turns the Maven CRM export (sales_teams, accounts, products, sales_pipeline) into import commands.
/// Pure apart from reading the files: nothing here talks to a server.
/// </summary>
public static class CrmParser
{
    /// <summary>File names inside the CRM directory.</summary>
    public const string TeamsFile = "sales_teams.csv";

    /// <summary>Accounts file name.</summary>
    public const string AccountsFile = "accounts.csv";

    /// <summary>Products file name.</summary>
    public const string ProductsFile = "products.csv";

    /// <summary>Pipeline file name.</summary>
    public const string PipelineFile = "sales_pipeline.csv";

    /// <summary>Role of a sales agent in a unit; the manager is the unit's lead and its name.</summary>
    public const string SalesRole = "sales";

    /// <summary>Parses the four files of <paramref name="directory"/>.</summary>
    /// <exception cref="ImportInputException">A file or a required column is missing.</exception>
    public static CrmImport Parse(string directory)
    {
        var badRows = ImmutableArray.CreateBuilder<BadRow>();
        var (units, unitOfAgent) = ParseTeams(Path.Combine(directory, TeamsFile), badRows);
        var customers = ParseAccounts(Path.Combine(directory, AccountsFile), badRows);
        var prices = ParseProducts(Path.Combine(directory, ProductsFile), badRows);
        var opportunities = ParsePipeline(Path.Combine(directory, PipelineFile), unitOfAgent, prices, badRows);
        return new CrmImport
        {
            Units = units,
            Customers = customers,
            Opportunities = opportunities,
            BadRows = badRows.ToImmutable(),
        };
    }

    /// <summary>Normalises a product name for lookup: the pipeline says "GTXPro" where products.csv says "GTX Pro".</summary>
    public static string ProductKey(string product) => string.Concat(product.Where(c => !char.IsWhiteSpace(c)));

    private static (ImmutableArray<Sourced<RegisterUnitCommand>> Units, Dictionary<string, string> UnitOfAgent) ParseTeams(
        string path, ImmutableArray<BadRow>.Builder badRows)
    {
        const int agent = 0, manager = 1, region = 2;
        var rows = CsvFile.Read(path, ["sales_agent", "manager", "regional_office"]);
        var bad = new BadRowSink(badRows, ImportKind.Units, TeamsFile);

        // Units are assembled in first-appearance order of their manager; members keep file order.
        var order = new List<string>();
        var drafts = new Dictionary<string, (string Manager, string? Region, int Line, ImmutableArray<UnitMember>.Builder Members)>();
        var unitOfAgent = new Dictionary<string, string>(StringComparer.Ordinal);
        var agentLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var agentName = row[agent];
            var managerName = row[manager];
            if (string.IsNullOrEmpty(agentName)) { bad.Add(row, "sales_agent", "empty"); continue; }
            if (string.IsNullOrEmpty(managerName)) { bad.Add(row, "manager", "empty"); continue; }
            if (agentLine.TryGetValue(agentName, out var firstLine))
            {
                bad.Add(row, "sales_agent", $"'{agentName}' already listed on line {firstLine}");
                continue;
            }

            var unitId = UnitIds.FromManager(managerName);
            if (unitId.Length == 0) { bad.Add(row, "manager", $"'{managerName}' gives an empty unit id"); continue; }

            var regionName = NullIfEmpty(row[region]);
            if (drafts.TryGetValue(unitId, out var draft))
            {
                if (draft.Manager != managerName)
                {
                    bad.Add(row, "manager", $"'{managerName}' gives unit id '{unitId}', already used by '{draft.Manager}'");
                    continue;
                }

                if (draft.Region != regionName)
                {
                    bad.Add(row, "regional_office", $"'{regionName}' differs from '{draft.Region}' on line {draft.Line}");
                    continue;
                }
            }
            else
            {
                draft = (managerName, regionName, row.Line, ImmutableArray.CreateBuilder<UnitMember>());
                drafts.Add(unitId, draft);
                order.Add(unitId);
            }

            draft.Members.Add(new UnitMember { Name = agentName, Role = SalesRole });
            agentLine.Add(agentName, row.Line);
            unitOfAgent.Add(agentName, unitId);
        }

        var units = order.Select(id =>
        {
            var draft = drafts[id];
            var command = new RegisterUnitCommand
            {
                Id = id,
                Name = draft.Manager,
                Region = draft.Region,
                Members = draft.Members.ToImmutable(),
            };
            return new Sourced<RegisterUnitCommand>(command, TeamsFile, draft.Line);
        });
        return ([.. units], unitOfAgent);
    }

    private static ImmutableArray<Sourced<RegisterCustomerCommand>> ParseAccounts(string path, ImmutableArray<BadRow>.Builder badRows)
    {
        const int account = 0, sector = 1, office = 2;
        var rows = CsvFile.Read(path, ["account", "sector", "office_location"]);
        var bad = new BadRowSink(badRows, ImportKind.Customers, AccountsFile);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var customers = ImmutableArray.CreateBuilder<Sourced<RegisterCustomerCommand>>();
        foreach (var row in rows)
        {
            var name = row[account];
            if (string.IsNullOrEmpty(name)) { bad.Add(row, "account", "empty"); continue; }
            if (!seen.TryAdd(name, row.Line)) { bad.Add(row, "account", $"'{name}' already listed on line {seen[name]}"); continue; }

            // The sector keeps the source's spelling ("technolgy"): renaming industries is not the importer's call.
            var command = new RegisterCustomerCommand
            {
                Id = name,
                Name = name,
                Segment = Segment.B2B,
                Industry = NullIfEmpty(row[sector]),
                Region = NullIfEmpty(row[office]),
            };
            customers.Add(new Sourced<RegisterCustomerCommand>(command, AccountsFile, row.Line));
        }

        return customers.ToImmutable();
    }

    private static Dictionary<string, decimal> ParseProducts(string path, ImmutableArray<BadRow>.Builder badRows)
    {
        const int product = 0, price = 1;
        var rows = CsvFile.Read(path, ["product", "sales_price"]);
        var bad = new BadRowSink(badRows, ImportKind.Opportunities, ProductsFile);
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var name = row[product];
            if (string.IsNullOrEmpty(name)) { bad.Add(row, "product", "empty"); continue; }
            if (!TryRequiredAmount(row, price, "sales_price", bad, out var value)) continue;
            if (!prices.TryAdd(ProductKey(name), value)) bad.Add(row, "product", $"'{name}' listed twice");
        }

        return prices;
    }

    private static ImmutableArray<Sourced<ImportOpportunityCommand>> ParsePipeline(
        string path, Dictionary<string, string> unitOfAgent, Dictionary<string, decimal> prices, ImmutableArray<BadRow>.Builder badRows)
    {
        const int id = 0, agent = 1, product = 2, account = 3, stage = 4, engaged = 5, closed = 6, value = 7;
        var rows = CsvFile.Read(path,
            ["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"]);
        var bad = new BadRowSink(badRows, ImportKind.Opportunities, PipelineFile);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var opportunities = ImmutableArray.CreateBuilder<Sourced<ImportOpportunityCommand>>(rows.Count);
        foreach (var row in rows)
        {
            var opportunityId = row[id];
            if (string.IsNullOrEmpty(opportunityId)) { bad.Add(row, "opportunity_id", "empty"); continue; }
            if (seen.TryGetValue(opportunityId, out var firstLine))
            {
                bad.Add(row, "opportunity_id", $"'{opportunityId}' already listed on line {firstLine}");
                continue;
            }

            var owner = row[agent];
            if (string.IsNullOrEmpty(owner)) { bad.Add(row, "sales_agent", "empty"); continue; }
            if (!unitOfAgent.TryGetValue(owner, out var unitId)) { bad.Add(row, "sales_agent", $"'{owner}' is not in {TeamsFile}"); continue; }

            OpportunityStage dealStage;
            switch (row[stage])
            {
                case "Prospecting": dealStage = OpportunityStage.Prospecting; break;
                case "Engaging": dealStage = OpportunityStage.Engaging; break;
                case "Won": dealStage = OpportunityStage.Won; break;
                case "Lost": dealStage = OpportunityStage.Lost; break;
                default:
                    bad.Add(row, "deal_stage", $"'{row[stage]}' is not one of Prospecting, Engaging, Won, Lost");
                    continue;
            }

            if (!TryOptionalDate(row, engaged, "engage_date", bad, out var engagedAt)) continue;
            if (!TryOptionalDate(row, closed, "close_date", bad, out var closedAt)) continue;

            // Open deals carry no close facts; a value there is ignored, but a malformed one still flags the row.
            var isClosed = dealStage is OpportunityStage.Won or OpportunityStage.Lost;
            decimal? closeValue = null;
            if (isClosed)
            {
                if (closedAt is null) { bad.Add(row, "close_date", $"required for a {dealStage} opportunity"); continue; }
                if (string.IsNullOrEmpty(row[value])) { bad.Add(row, "close_value", $"required for a {dealStage} opportunity"); continue; }
                if (!TryRequiredAmount(row, value, "close_value", bad, out var amount)) continue;
                closeValue = amount;
            }
            else if (!string.IsNullOrEmpty(row[value]) && !TryRequiredAmount(row, value, "close_value", bad, out _))
            {
                continue;
            }

            var productName = NullIfEmpty(row[product]);
            decimal? listPrice = productName is not null && prices.TryGetValue(ProductKey(productName), out var p) ? p : null;
            seen.Add(opportunityId, row.Line);
            var command = new ImportOpportunityCommand
            {
                Id = opportunityId,
                UnitId = unitId,
                CustomerId = NullIfEmpty(row[account]),
                Owner = owner,
                Product = productName,
                Amount = listPrice,
                Stage = dealStage,
                EngagedAt = engagedAt,
                ClosedAt = isClosed ? closedAt : null,
                CloseValue = closeValue,
            };
            opportunities.Add(new Sourced<ImportOpportunityCommand>(command, PipelineFile, row.Line));
        }

        return opportunities.ToImmutable();
    }

    private static bool TryOptionalDate(CsvRecord row, int index, string column, BadRowSink bad, out DateTimeOffset? value)
    {
        value = null;
        var text = row[index];
        if (string.IsNullOrEmpty(text)) return true;
        if (CsvValues.TryParseDate(text, out var date))
        {
            value = date;
            return true;
        }

        bad.Add(row, column, $"'{text}' is not a yyyy-MM-dd date");
        return false;
    }

    private static bool TryRequiredAmount(CsvRecord row, int index, string column, BadRowSink bad, out decimal value)
    {
        value = 0;
        var text = row[index];
        if (string.IsNullOrEmpty(text)) { bad.Add(row, column, "empty"); return false; }
        if (!CsvValues.TryParseDecimal(text, out value)) { bad.Add(row, column, $"'{text}' is not a number"); return false; }
        if (value < 0) { bad.Add(row, column, $"'{text}' is negative"); return false; }
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
