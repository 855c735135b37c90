using System.Globalization;
using Frontline.GraphQL.Security;
using Frontline.Silo.Hosting;

namespace Frontline.Silo.Security;

/// <summary>
/// <c>token --role &lt;role&gt; [--unit &lt;id&gt;] [--customer &lt;id&gt;] [--subject &lt;name&gt;] [--hours &lt;n&gt;]</c>: prints a bearer
/// token signed with the key the server uses (configured, or the embedded profile's development key). Other
/// arguments are configuration, as for the server (<c>--Frontline:DataDirectory</c>, <c>--Frontline:Auth:SigningKey</c>).
/// </summary>
public static class TokenCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        usage: token --role <role> [--unit <id>] [--customer <id>] [--subject <name>] [--hours <n>] [--Frontline:... <value>]
          --role       hq, unit-lead, unit-member, customer, integrator or operator
          --unit       the unit of a unit-lead or unit-member (required for them)
          --customer   the customer id of a customer (required for it)
          --subject    who the token is for (default: the role), shown in the audit log
          --hours      lifetime (default Frontline:Auth:TokenLifetime, 12 hours)
        Signs with Frontline:Auth:RsaPrivateKeyFile or :SigningKey, else the development key in the data directory.
        """;

    /// <summary>Runs the command; 0 with the token on stdout, 1 on a usage or configuration error.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? role = null, unit = null, customer = null, subject = null;
        double? hours = null;
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                Console.WriteLine(Usage);
                return 0;
            }

            if (i + 1 >= args.Length)
            {
                return Fail($"{name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--role": role = value; break;
                case "--unit": unit = value; break;
                case "--customer": customer = value; break;
                case "--subject": subject = value; break;
                case "--hours":
                    // At least a minute: JWT times are whole seconds, so a shorter lifetime can print a token already expired.
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var h) || h < 1.0 / 60 || h > 24 * 366)
                    {
                        return Fail($"--hours: '{value}' is not a number of hours from 0.0167 (a minute) to 8784");
                    }

                    hours = h;
                    break;
                default:
                    configuration.Add(name);
                    configuration.Add(value);
                    break;
            }
        }

        if (!FrontlineRoles.IsKnown(role))
        {
            return Fail(role is null ? "--role is required" : $"--role: '{role}' is not one of {string.Join(", ", FrontlineRoles.All)}");
        }

        if (FrontlineRoles.IsUnitRole(role) && string.IsNullOrWhiteSpace(unit))
        {
            return Fail($"--unit is required for role {role}");
        }

        if (role == FrontlineRoles.Customer && string.IsNullOrWhiteSpace(customer))
        {
            return Fail("--customer is required for role customer");
        }

        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. configuration])
            .Build();
        var auth = config.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var frontline = config.GetSection(FrontlineOptions.SectionName).Get<FrontlineOptions>() ?? new FrontlineOptions();
        SigningKeys keys;
        try
        {
            keys = SigningKeys.Resolve(auth, frontline);
        }
        catch (SecurityConfigurationException exception)
        {
            return Fail(exception.Message);
        }

        if (keys.Signing.Key is Microsoft.IdentityModel.Tokens.RsaSecurityKey { PrivateKeyStatus: Microsoft.IdentityModel.Tokens.PrivateKeyStatus.DoesNotExist })
        {
            return Fail($"only an RSA public key is configured; set {AuthOptions.SectionName}:RsaPrivateKeyFile or :SigningKey to mint tokens here");
        }

        var lifetime = hours is { } given ? TimeSpan.FromHours(given) : auth.TokenLifetime;
        var issuer = new TokenIssuer(keys.Signing, auth.Issuer, auth.Audience, TimeProvider.System);
        Console.WriteLine(issuer.Create(role!, FrontlineRoles.IsUnitRole(role) ? unit : null, role == FrontlineRoles.Customer ? customer : null, subject, lifetime));
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"token: {message}{Environment.NewLine}{Usage}");
        return 1;
    }
}
