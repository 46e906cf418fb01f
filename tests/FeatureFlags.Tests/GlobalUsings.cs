global using Settings = System.Collections.Generic.Dictionary<string, string?>;
