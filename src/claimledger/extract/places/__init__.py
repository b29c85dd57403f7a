"""Places: toponym mentions found in text and resolved to the packaged gazetteer (KATOTTG settlements of
Ukraine, GeoNames places of Russia's border regions) with coordinates."""
