using System.Reflection;
using System.Security.Claims;
using Frontline.Abstractions.Common;
using Frontline.GraphQL.Schema;
using Frontline.GraphQL.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Frontline.Tests.Security;

/// <summary>
/// The access guard reads an opportunity before a unit role may change it. That read runs before the resolver's own
/// retry guard, so when the cluster cannot answer it must still say UNAVAILABLE (retry), not INTERNAL.
/// </summary>
public sealed class AccessGuardOutageTests
{
    [Theory]
    [InlineData("""mutation { logFollowUp(input: { opportunityId: "opp-1", note: "called" }) { id } }""")]
    [InlineData("""mutation { closeOpportunity(input: { opportunityId: "opp-1", won: true, value: 10 }) { id } }""")]
    [InlineData("""mutation { openOpportunity(input: { id: "opp-1", unitId: "north", owner: "ann", product: "p", amount: 10 }) { id } }""")]
    public async Task TargetLookup_ClusterTimesOut_Unavailable(string mutation)
    {
        var services = new ServiceCollection().AddLogging().AddFrontlineSchema();
        services.AddSingleton<IGrainFactory>(TimingOutGrains.Factory());
        await using var provider = services.BuildServiceProvider();
        var lead = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(FrontlineClaims.Subject, "lead"), new Claim(FrontlineClaims.Role, FrontlineRoles.UnitLead), new Claim(FrontlineClaims.Unit, "north")], "test"));

        var result = await provider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = mutation,
            RequestServices = provider,
            User = lead,
        });

        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.Unavailable, error.Code);
        Assert.Equal(RetryableFailureGuard.Message, error.Message);
    }

    /// <summary>A grain factory whose every grain call times out, as when no silo answers.</summary>
    public class TimingOutGrains : DispatchProxy
    {
        public static IGrainFactory Factory() => (IGrainFactory)Create(typeof(IGrainFactory), typeof(TimingOutGrains));

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.DeclaringType == typeof(IGrainFactory) && targetMethod.ReturnType.IsInterface)
            {
                // GetGrain<T>(...): a reference whose calls fail.
                return Create(targetMethod.ReturnType, typeof(TimingOutGrains));
            }

            throw new TimeoutException("Response did not arrive on time");
        }
    }
}
