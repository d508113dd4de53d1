using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Highlighting;

/// <summary>A term a multi-term query matched in one segment, with its state so a hit can seek to it directly.</summary>
internal readonly record struct ExpandedTerm(BytesRef Bytes, TermState State);
