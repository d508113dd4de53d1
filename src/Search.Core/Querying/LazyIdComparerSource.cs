using Lucene.Net.Search;

namespace Search.Core.Querying;

/// <summary>Makes a <see cref="LazyIdComparer"/> for each search that sorts with it.</summary>
internal sealed class LazyIdComparerSource : FieldComparerSource
{
    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new LazyIdComparer(fieldname, numHits);
}
