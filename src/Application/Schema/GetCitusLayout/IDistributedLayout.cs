namespace Clinical.Application.Schema.GetCitusLayout;

/// <summary>How the store's tables would be distributed over several machines, generated from its table description.</summary>
public interface IDistributedLayout
{
    /// <summary>The Citus statements (create_distributed_table, create_reference_table) as an SQL script.</summary>
    string CitusScript();
}
