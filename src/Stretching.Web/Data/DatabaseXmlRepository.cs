using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Stretching.Web.Data;

/// <summary>
/// Data-protection keys in the DataProtectionKeys table, so every instance on one database reads and
/// writes one key ring (Microsoft's EF Core package for this does not restore here). The key manager
/// calls it rarely: when it builds its key ring, at most daily, and when it makes a key.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList().AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    /// <summary>
    /// Makes the first key when there is none, one instance at a time: instances started together on an
    /// empty database would otherwise each make a key of their own, and until their key rings were next
    /// refreshed (a day later) one would refuse the other's cookies.
    /// </summary>
    public static async Task EnsureKeyAsync(IServiceProvider services, StretchingDbContext db, CancellationToken cancellationToken = default)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        if (keys.GetAllKeys().Count > 0) return;
        // The key is written on the repository's own connection; the lock holds the others back until it is.
        await using var startup = await StartupLock.AcquireAsync(db, StartupLock.FirstDataProtectionKey, cancellationToken);
        if (keys.GetAllKeys().Count == 0)
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            keys.CreateNewKey(now, now + services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime);
        }
    }
}

public static class DatabaseKeyStorage
{
    /// <summary>Keeps the data-protection keys in the app's database (<see cref="DatabaseXmlRepository"/>).</summary>
    public static IDataProtectionBuilder PersistKeysToStretchingDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>())));
        return builder;
    }
}
