using System.Security.Cryptography;
using Frontline.Silo.Hosting;
using Frontline.Silo.Security;
using Frontline.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Frontline.Tests.Security;

/// <summary>Key resolution in-process: RSA key files, the configured secret, and the development key's file.</summary>
public sealed class SigningKeysTests
{
    [Fact]
    public async Task Resolve_RsaKeyFiles_SignsRs256ThatThePublicKeyVerifies()
    {
        using var files = new TempDirectory();
        using var rsa = RSA.Create(2048);
        await File.WriteAllTextAsync(files.Combine("public.pem"), rsa.ExportSubjectPublicKeyInfoPem());
        await File.WriteAllTextAsync(files.Combine("private.pem"), rsa.ExportPkcs8PrivateKeyPem());
        var signer = SigningKeys.Resolve(new AuthOptions { RsaPublicKeyFile = files.Combine("public.pem"), RsaPrivateKeyFile = files.Combine("private.pem") }, new FrontlineOptions { Profile = "cluster" });
        var verifier = SigningKeys.Resolve(new AuthOptions { RsaPublicKeyFile = files.Combine("public.pem") }, new FrontlineOptions { Profile = "cluster" });

        var token = new TokenIssuer(signer.Signing, "frontline", "frontline", TimeProvider.System).Create("hq", null, null, "idp-user", TimeSpan.FromMinutes(5));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "frontline",
            ValidAudience = "frontline",
            IssuerSigningKeys = verifier.ValidationKeys,
        });

        Assert.Equal(SecurityAlgorithms.RsaSha256, signer.Signing.Algorithm);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("idp-user", result.Claims["sub"]);
    }

    [Fact]
    public void Resolve_ConfiguredSecret_NoDevKeyWritten()
    {
        using var data = new TempDirectory();

        var keys = SigningKeys.Resolve(new AuthOptions { SigningKey = TestTokens.SigningKey }, new FrontlineOptions { DataDirectory = data.Path });

        Assert.Equal(SecurityAlgorithms.HmacSha256, keys.Signing.Algorithm);
        Assert.False(File.Exists(Path.Combine(data.Path, SigningKeys.DevKeyFileName)));
    }

    [Fact]
    public void Resolve_EmbeddedTwice_SameDevKey()
    {
        using var data = new TempDirectory();
        var frontline = new FrontlineOptions { DataDirectory = data.Path };

        var first = (SymmetricSecurityKey)SigningKeys.Resolve(new AuthOptions(), frontline).Signing.Key;
        var second = (SymmetricSecurityKey)SigningKeys.Resolve(new AuthOptions(), frontline).Signing.Key;

        Assert.Equal(first.Key, second.Key);
        Assert.True(first.Key.Length >= AuthOptions.MinimumSecretBytes);
    }

    [Fact]
    public void Resolve_UnreadableRsaFile_NamesTheSetting()
    {
        var error = Assert.Throws<SecurityConfigurationException>(() =>
            SigningKeys.Resolve(new AuthOptions { RsaPublicKeyFile = "/nonexistent/key.pem" }, new FrontlineOptions()));

        Assert.Contains("RsaPublicKeyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiKeyStore_BadEntry_NamesIt()
    {
        var error = Assert.Throws<SecurityConfigurationException>(() =>
            new ApiKeyStore(new AuthOptions { ApiKeys = [new ApiKeyEntry { Name = "feed", Sha256 = "abc" }] }));

        Assert.Contains("ApiKeys:0:Sha256", error.Message, StringComparison.Ordinal);
    }
}
