namespace Clinical.Application.Schema.GetDataDictionary;

/// <summary>The data dictionary of the store's schema, generated from its table description.</summary>
public interface IDataDictionary
{
    /// <summary>The dictionary as Markdown (what docs/schema.md holds).</summary>
    string Markdown();
}
