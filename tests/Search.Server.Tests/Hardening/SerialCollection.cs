namespace Search.Server.Tests.Hardening;

/// <summary>
/// Tests that measure this process's CPU use run alone: other test classes run in parallel in the same process
/// and would be counted too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Hardening serial";
}
