// The fixed catalogue both endpoints serve, as Turtle: four books (one with
// two titles in two languages, two without a price, one without pages) and
// their three authors, with integers, decimals, dates and a language tag.
export const libraryTurtle = `@prefix ex: <http://example.org/library/> .
@prefix dc: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:book1 a ex:Book ; dc:title "Dune" ; dc:creator ex:herbert ; ex:year 1965 ; ex:pages 412 ; ex:price 9.99 .
ex:book2 a ex:Book ; dc:title "Neuromancer" ; dc:creator ex:gibson ; ex:year 1984 ; ex:pages 271 ; ex:price 8.5 .
ex:book3 a ex:Book ; dc:title "Count Zero" ; dc:creator ex:gibson ; ex:year 1986 ; ex:pages 256 .
ex:book4 a ex:Book ; dc:title "Les Misérables"@fr ; dc:title "The Wretched"@en ; dc:creator ex:hugo ; ex:year 1862 .
ex:herbert a foaf:Person ; foaf:name "Frank Herbert" ; ex:born "1920-10-08"^^xsd:date .
ex:gibson a foaf:Person ; foaf:name "William Gibson" ; ex:born "1948-03-17"^^xsd:date .
ex:hugo a foaf:Person ; foaf:name "Victor Hugo" ; ex:born "1802-02-26"^^xsd:date .
`;
