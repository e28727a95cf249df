using Xunit.Abstractions;
using Xunit.Sdk;

namespace Stretching.Web.Tests.Infrastructure;

/// <summary>
/// Marks a test class that runs its (inherited) tests on PostgreSQL: its <see cref="ProviderFactAttribute"/>
/// and <see cref="ProviderTheoryAttribute"/> tests are skipped with <see cref="PostgresServer.SkipReason"/>
/// when no server is found. The same tests on a class without it run on SQLite, always.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnPostgreSqlAttribute : Attribute;

/// <summary>A fact that runs once per provider class deriving the class that declares it (see <see cref="OnPostgreSqlAttribute"/>).</summary>
[XunitTestCaseDiscoverer("Stretching.Web.Tests.Infrastructure.ProviderFactDiscoverer", "Stretching.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory that runs once per provider class, like <see cref="ProviderFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Stretching.Web.Tests.Infrastructure.ProviderTheoryDiscoverer", "Stretching.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.Of(diagnostics, options, testMethod) ?? new FactDiscoverer(diagnostics).Discover(options, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.Of(diagnostics, options, testMethod) ?? new TheoryDiscoverer(diagnostics).Discover(options, testMethod, theoryAttribute);
}

internal static class ProviderSkip
{
    /// <summary>One skipped test case saying why, when the method's class runs on PostgreSQL and there is no server; otherwise null.</summary>
    public static IXunitTestCase[]? Of(IMessageSink diagnostics, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(OnPostgreSqlAttribute).AssemblyQualifiedName).Any() && PostgresServer.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : null;
}
