using Frontline.GraphQL.Schema;
using Frontline.GraphQL.Security;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using static Frontline.GraphQL.Security.OperationKind;

namespace Frontline.Tests.Security;

/// <summary>The role x operation x resource table, on its own: every role against every kind of operation, own and foreign targets.</summary>
public sealed class AccessPolicyTests
{
    private static readonly Caller Hq = new("ann", FrontlineRoles.Hq, null, null);
    private static readonly Caller Lead = new("bo", FrontlineRoles.UnitLead, "north", null);
    private static readonly Caller Member = new("cy", FrontlineRoles.UnitMember, "north", null);
    private static readonly Caller Customer = new("acme", FrontlineRoles.Customer, null, "acme");
    private static readonly Caller Integrator = new("crm-feed", FrontlineRoles.Integrator, null, null);
    private static readonly Caller Operator = new("ops", FrontlineRoles.Operator, null, null);

    public static TheoryData<string, OperationKind, bool> Gates()
    {
        // Expected role-level answers; the rows cover every role and every kind.
        var allowed = new Dictionary<string, OperationKind[]>
        {
            [FrontlineRoles.Hq] = Enum.GetValues<OperationKind>(),
            [FrontlineRoles.UnitLead] = [ReadUnits, ReadUnit, ReadCustomer, ReadOpportunity, ReadScope, OpenOpportunity, ChangeOpportunity, SubscribeEscalations, SubscribeScope],
            [FrontlineRoles.UnitMember] = [ReadUnits, ReadUnit, ReadCustomer, ReadOpportunity, ReadScope, OpenOpportunity, ChangeOpportunity, SubscribeEscalations, SubscribeScope],
            [FrontlineRoles.Customer] = [ReadCustomer],
            [FrontlineRoles.Integrator] = [Ingest, ReadIngestRejections],
            [FrontlineRoles.Operator] = [Operate, ReadIngestRejections],
        };
        var data = new TheoryData<string, OperationKind, bool>();
        foreach (var role in FrontlineRoles.All)
        {
            foreach (var kind in Enum.GetValues<OperationKind>())
            {
                data.Add(role, kind, allowed[role].Contains(kind));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Gates))]
    public void Gate_RoleAndKind_AllowsExactlyTheTable(string role, OperationKind kind, bool allowed)
    {
        var caller = new Caller("someone", role, FrontlineRoles.IsUnitRole(role) ? "north" : null, role == FrontlineRoles.Customer ? "acme" : null);

        Assert.Equal(allowed ? AccessDecision.Allowed : AccessDecision.Forbidden, AccessPolicy.Gate(caller, kind));
    }

    [Theory]
    [InlineData(ReadUnits)]
    [InlineData(Ingest)]
    [InlineData(ReadAudit)]
    public void Gate_NoCaller_Unauthenticated(OperationKind kind) => Assert.Equal(AccessDecision.Unauthenticated, AccessPolicy.Gate(null, kind));

    [Fact]
    public void Permits_UnitRoles_OwnUnitOnly()
    {
        foreach (var caller in new[] { Lead, Member })
        {
            Assert.True(AccessPolicy.Permits(caller, ReadUnit, AccessTarget.Unit("north")));
            Assert.False(AccessPolicy.Permits(caller, ReadUnit, AccessTarget.Unit("south")));
            Assert.True(AccessPolicy.Permits(caller, ReadCustomer, new AccessTarget(true, "north", "acme")));
            Assert.False(AccessPolicy.Permits(caller, ReadCustomer, new AccessTarget(true, "south", "acme")));
            Assert.False(AccessPolicy.Permits(caller, ReadCustomer, new AccessTarget(true, null, "unassigned")));
            Assert.True(AccessPolicy.Permits(caller, ChangeOpportunity, new AccessTarget(true, "north")));
            Assert.False(AccessPolicy.Permits(caller, ChangeOpportunity, new AccessTarget(true, "south")));
            Assert.True(AccessPolicy.Permits(caller, OpenOpportunity, AccessTarget.Unit("north")));
            Assert.False(AccessPolicy.Permits(caller, OpenOpportunity, AccessTarget.Unit("south")));
            Assert.True(AccessPolicy.Permits(caller, SubscribeEscalations, AccessTarget.Unit("north")));
            Assert.False(AccessPolicy.Permits(caller, SubscribeEscalations, AccessTarget.Unit("south")));
            Assert.True(AccessPolicy.Permits(caller, ReadScope, AccessTarget.ForScope("unit/north")));
            Assert.True(AccessPolicy.Permits(caller, SubscribeScope, AccessTarget.ForScope("unit/north")));
            Assert.False(AccessPolicy.Permits(caller, ReadScope, AccessTarget.ForScope("org")));
            Assert.False(AccessPolicy.Permits(caller, SubscribeScope, AccessTarget.ForScope("unit/south")));
            Assert.True(AccessPolicy.ShowsUnit(caller, "north"));
            Assert.False(AccessPolicy.ShowsUnit(caller, "south"));
        }
    }

    [Fact]
    public void Permits_UnitRole_MissingTargetLooksLikeForeignOne()
    {
        // Nothing the caller may not see is distinguishable from nothing at all.
        Assert.Equal(
            AccessPolicy.Permits(Member, ReadCustomer, new AccessTarget(true, "south", "c1")),
            AccessPolicy.Permits(Member, ReadCustomer, AccessTarget.Missing("c1")));
        Assert.False(AccessPolicy.Permits(Member, ReadOpportunity, AccessTarget.Missing()));
        Assert.False(AccessPolicy.Permits(Lead, ChangeOpportunity, AccessTarget.Missing()));
    }

    [Fact]
    public void Permits_Customer_OwnRecordOnly()
    {
        Assert.True(AccessPolicy.Permits(Customer, ReadCustomer, new AccessTarget(true, "north", "acme")));
        Assert.True(AccessPolicy.Permits(Customer, ReadCustomer, AccessTarget.Missing("acme")));
        Assert.False(AccessPolicy.Permits(Customer, ReadCustomer, new AccessTarget(true, "north", "globex")));
        Assert.False(AccessPolicy.Permits(Customer, ReadOpportunity, new AccessTarget(true, "north", "acme")));
    }

    [Fact]
    public void Permits_HqEverything_IntegratorIngestOnly_OperatorDashboardOnly_BothStreamRejections()
    {
        foreach (var kind in Enum.GetValues<OperationKind>())
        {
            Assert.True(AccessPolicy.Permits(Hq, kind, new AccessTarget(true, "south", "globex", "org")));
            Assert.Equal(kind is Ingest or ReadIngestRejections, AccessPolicy.Permits(Integrator, kind, AccessTarget.None));
            Assert.Equal(kind is Operate or ReadIngestRejections, AccessPolicy.Permits(Operator, kind, AccessTarget.None));
        }
    }

    [Fact]
    public void Operations_EveryRootFieldOfTheContract_HasAnEntry()
    {
        // The schema refuses to build with a root field missing here (AccessGuard.Protect); this pins the contract's names.
        string[] contract =
        [
            "Query.units", "Query.unit", "Query.customer", "Query.opportunity", "Query.attribution", "Query.heatmap", "Query.pathStats",
            "Query.contentCombinations", "Query.auditLog", "Query.streamRejections", "Mutation.recordTouches", "Mutation.registerUnits", "Mutation.registerUnit",
            "Mutation.registerCustomers", "Mutation.registerCustomer", "Mutation.importOpportunities", "Mutation.importPaths",
            "Mutation.openOpportunity", "Mutation.logFollowUp", "Mutation.closeOpportunity", "Subscription.escalationRaised",
            "Subscription.attributionUpdated", "Subscription.heatmapUpdated",
        ];

        Assert.Equal(contract.Order(), AccessPolicy.Operations.Keys.Order());

        // And the built schema has exactly these root fields, so no policy entry outlives its field.
        using var services = new ServiceCollection().AddLogging().AddFrontlineSchema().BuildServiceProvider();
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        var roots = new[] { schema.Query, schema.Mutation!, schema.Subscription! }.SelectMany(root => root.Fields.Select(f => root.Name + "." + f.Name));
        Assert.Equal(contract.Order(), roots.Order());
    }

    [Theory]
    [InlineData("hq", null, null, true)]
    [InlineData("unit-lead", "north", null, true)]
    [InlineData("unit-lead", null, null, false)]
    [InlineData("customer", null, null, false)]
    [InlineData("customer", null, "acme", true)]
    [InlineData("admin", null, null, false)]
    [InlineData("HQ", null, null, false)]
    public void CallerFrom_Claims_UsableOnlyWhenComplete(string role, string? unit, string? customer, bool usable)
    {
        var claims = new List<System.Security.Claims.Claim> { new(FrontlineClaims.Subject, "x"), new(FrontlineClaims.Role, role) };
        if (unit is not null)
        {
            claims.Add(new(FrontlineClaims.Unit, unit));
        }

        if (customer is not null)
        {
            claims.Add(new(FrontlineClaims.Customer, customer));
        }

        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test"));

        Assert.Equal(usable, Caller.From(principal) is not null);
        Assert.Null(Caller.From(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims))));
    }

    [Theory]
    [InlineData(FrontlineClaims.Role, "hq", "integrator")]
    [InlineData(FrontlineClaims.Role, "integrator", "hq")]
    [InlineData(FrontlineClaims.Unit, "north", "south")]
    public void CallerFrom_ClaimTwice_NotUsable(string type, string first, string second)
    {
        var claims = new List<System.Security.Claims.Claim> { new(FrontlineClaims.Subject, "x") };
        if (type != FrontlineClaims.Role)
        {
            claims.Add(new(FrontlineClaims.Role, FrontlineRoles.UnitMember));
        }

        claims.Add(new(type, first));
        claims.Add(new(type, second));
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test"));

        Assert.Null(Caller.From(principal));
    }

    [Fact]
    public void DependsOnTarget_RolesNotBoundToAUnitOrCustomer_PermitsIsTheSameForEveryTarget()
    {
        AccessTarget[] targets = [AccessTarget.None, AccessTarget.Unit("north"), AccessTarget.Missing("acme"), new AccessTarget(true, "south", "globex", "org")];
        foreach (var role in FrontlineRoles.All)
        {
            var caller = new Caller("x", role, FrontlineRoles.IsUnitRole(role) ? "north" : null, role == FrontlineRoles.Customer ? "acme" : null);
            if (AccessPolicy.DependsOnTarget(caller))
            {
                continue;
            }

            foreach (var kind in Enum.GetValues<OperationKind>())
            {
                Assert.Single(targets.Select(t => AccessPolicy.Permits(caller, kind, t)).Distinct());
            }
        }

        Assert.True(AccessPolicy.DependsOnTarget(new Caller("x", FrontlineRoles.UnitMember, "north", null)));
        Assert.False(AccessPolicy.DependsOnTarget(new Caller("x", FrontlineRoles.Hq, null, null)));
    }
}
