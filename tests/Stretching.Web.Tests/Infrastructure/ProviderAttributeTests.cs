using System.Reflection;

namespace Stretching.Web.Tests.Infrastructure;

/// <summary>
/// A plain [Fact] or [Theory] in a class that also runs on PostgreSQL does not skip without a
/// server: it fails trying to connect. Every test such a class runs must use the provider attributes.
/// </summary>
public sealed class ProviderAttributeTests
{
    [Fact]
    public void EveryTestOfAClassThatRunsOnPostgreSqlSkipsWithoutAServer()
    {
        var plain = typeof(ProviderAttributeTests).Assembly.GetTypes()
            .Where(type => type.IsDefined(typeof(OnPostgreSqlAttribute), inherit: false))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any(a => a is not (ProviderFactAttribute or ProviderTheoryAttribute)))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .Distinct()
            .ToList();

        Assert.True(plain.Count == 0, "Use [ProviderFact] or [ProviderTheory] instead of [Fact] or [Theory] in: " + string.Join(", ", plain));
        Assert.Contains(typeof(ProviderAttributeTests).Assembly.GetTypes(), type => type.IsDefined(typeof(OnPostgreSqlAttribute), inherit: false));
    }
}
