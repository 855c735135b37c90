using System.Security.Cryptography;
using System.Text;
using Frontline.Silo.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Frontline.Silo.Security;

/// <summary>
/// The keys tokens are verified with, and the one the <c>token</c> command signs with: configured ones, or for the
/// embedded profile a development key created in the data directory on first use and kept there (mode 600).
/// </summary>
public sealed class SigningKeys
{
    /// <summary>File name of the development key inside <c>Frontline:DataDirectory</c>.</summary>
    public const string DevKeyFileName = "dev-signing-key";

    private SigningKeys(IReadOnlyList<SecurityKey> validationKeys, SigningCredentials signing, string description)
    {
        ValidationKeys = validationKeys;
        Signing = signing;
        Description = description;
    }

    /// <summary>Keys whose signatures are accepted.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    /// <summary>What the <c>token</c> command signs with.</summary>
    public SigningCredentials Signing { get; }

    /// <summary>Where the keys come from, for the start-up log.</summary>
    public string Description { get; }

    /// <summary>The path of the development key for <paramref name="frontline"/>'s data directory.</summary>
    public static string DevKeyPath(FrontlineOptions frontline) => Path.Combine(Path.GetFullPath(frontline.DataDirectory), DevKeyFileName);

    /// <summary>Resolves the keys; <see cref="SecurityConfigurationException"/> when they are missing or unusable.</summary>
    public static SigningKeys Resolve(AuthOptions auth, FrontlineOptions frontline)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(frontline);
        var keys = new List<SecurityKey>();
        SigningCredentials? signing = null;
        var sources = new List<string>();

        if (!string.IsNullOrEmpty(auth.RsaPublicKeyFile))
        {
            keys.Add(ReadRsa(auth.RsaPublicKeyFile, "RsaPublicKeyFile"));
            sources.Add($"RSA public key {auth.RsaPublicKeyFile}");
        }

        if (!string.IsNullOrEmpty(auth.RsaPrivateKeyFile))
        {
            signing = new SigningCredentials(ReadRsa(auth.RsaPrivateKeyFile, "RsaPrivateKeyFile"), SecurityAlgorithms.RsaSha256);
        }

        if (!string.IsNullOrEmpty(auth.SigningKey))
        {
            var secret = Secret(auth.SigningKey, $"{AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)}");
            keys.Add(secret);
            signing ??= new SigningCredentials(secret, SecurityAlgorithms.HmacSha256);
            sources.Add("configured signing key");
        }

        if (keys.Count == 0)
        {
            if (FrontlineProfiles.IsCluster(frontline.Profile))
            {
                throw new SecurityConfigurationException(
                    $"Frontline:Profile is 'cluster' but no token key is configured: set {AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)} " +
                    $"(a secret of at least {AuthOptions.MinimumSecretBytes} bytes, the same on every silo) or {AuthOptions.SectionName}:{nameof(AuthOptions.RsaPublicKeyFile)} (PEM). " +
                    "The development key is only generated in the embedded profile.");
            }

            var path = DevKeyPath(frontline);
            var devKey = Secret(ReadOrCreateDevKey(path), path);
            keys.Add(devKey);
            signing = new SigningCredentials(devKey, SecurityAlgorithms.HmacSha256);
            sources.Add($"development key {path}");
        }

        // Only an RSA public key: tokens come from elsewhere and this host cannot mint any.
        signing ??= new SigningCredentials(keys[0], SecurityAlgorithms.RsaSha256);
        return new SigningKeys(keys, signing, string.Join(", ", sources));
    }

    private static SymmetricSecurityKey Secret(string secret, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(secret.Trim());
        return bytes.Length >= AuthOptions.MinimumSecretBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new SecurityConfigurationException($"{source}: the signing key must be at least {AuthOptions.MinimumSecretBytes} bytes long (it has {bytes.Length}).");
    }

    private static RsaSecurityKey ReadRsa(string file, string setting)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(file));
            return new RsaSecurityKey(rsa);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            throw new SecurityConfigurationException($"{AuthOptions.SectionName}:{setting}: cannot read an RSA key from '{file}': {exception.Message}");
        }
    }

    private static string ReadOrCreateDevKey(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Written aside and moved into place, so a reader never sees a half-written key.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var writer = new StreamWriter(temporary, Encoding.ASCII, options))
        {
            writer.Write(secret);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (the server, or the token command) created it first: use theirs.
            File.Delete(temporary);
            return File.ReadAllText(path);
        }
    }
}
